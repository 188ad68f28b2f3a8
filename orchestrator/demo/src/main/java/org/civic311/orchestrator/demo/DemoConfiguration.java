package org.civic311.orchestrator.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What only the demo runs: switched on by the {@code demo} profile, never in production. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "civic311.demo.mail-server", name = "enabled", havingValue = "true")
@EnableConfigurationProperties({DemoMailServer.Ports.class, DemoMailStaff.Settings.class})
class DemoConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    DemoMailServer demoMailServer(DemoMailServer.Ports ports) {
        return new DemoMailServer(ports);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(prefix = "civic311.demo.mail-server.staff", name = "finish-after")
    DemoMailStaff demoMailStaff(DemoMailServer server, DemoMailStaff.Settings settings) {
        return server.staff(settings);
    }
}
