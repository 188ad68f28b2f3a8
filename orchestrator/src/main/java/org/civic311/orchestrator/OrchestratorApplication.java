package org.civic311.orchestrator;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

// Notices and their page have a template engine of their own (notification.NoticeTemplates): no Thymeleaf views.
@SpringBootApplication(exclude = ThymeleafAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class OrchestratorApplication {

    static {
        // Jakarta Mail 2.1 looks its stream provider up on the class path for every message part it reads or writes
        // (jakartaee/mail-api#861), a fifth of a busy node's CPU: naming the provider makes it a loaded class's lookup.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    public static void main(String[] args) {
        SpringApplication.run(OrchestratorApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
