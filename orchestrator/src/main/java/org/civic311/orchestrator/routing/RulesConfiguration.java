package org.civic311.orchestrator.routing;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    /** The DRL files of {@code rules/}, compiled once at start; a rule that does not compile stops the start. */
    @Bean
    KieContainer rulesContainer() {
        KieContainer container = KieServices.get().getKieClasspathContainer(getClass().getClassLoader());
        List<Message> errors = container.verify().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The rules in rules/ do not compile: " + errors);
        }
        return container;
    }

    @Bean
    ActiveRules activeRules(KieContainer rulesContainer) {
        return () -> rulesContainer;
    }

    @Bean
    RoutingRules routingRules(ActiveRules activeRules) {
        return new RoutingRules(activeRules);
    }

    @Bean
    SlaRules slaRules(ActiveRules activeRules) {
        return new SlaRules(activeRules);
    }

    @Bean
    SlaClock slaClock(@Value("${civic311.zone}") ZoneId zone, SlaProperties sla) {
        return new SlaClock(zone, new HashSet<>(sla.holidays()), sla.businessHours().opens(),
                sla.businessHours().closes());
    }
}
