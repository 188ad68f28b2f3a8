package org.civic311.orchestrator.routing;

import java.time.ZoneId;
import java.util.HashSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    /**
     * The rules of {@code rules/} on the class path until the rules deployed in the database are read: the
     * application deploys these at first start, and the database is the source of truth from then on.
     */
    @Bean
    RulesInForce rulesInForce() {
        return new RulesInForce(RuleSet.compile(RuleSet.classpathFiles()), "rules/");
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
