package org.civic311.simulators.accela;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.civic311.simulators.kit.StaffAtWork;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Mounts the Accela simulator in a Spring MVC application when
 * {@code civic311.simulators.accela.enabled=true}. Off by default, so depending on this jar changes nothing.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "civic311.simulators.accela", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AccelaSimulatorProperties.class)
@Import({OAuthController.class, RecordsController.class, CustomFormsController.class,
        WorkflowTasksController.class, CommentsController.class, UnknownApiController.class, ApiErrors.class})
public class AccelaSimulatorAutoConfiguration {

    @Bean
    AgencyClock accelaAgencyClock(AccelaSimulatorProperties properties) {
        return new AgencyClock(Clock.systemUTC(), ZoneId.of(properties.timeZone()));
    }

    @Bean
    Tokens accelaTokens(AgencyClock clock, AccelaSimulatorProperties properties) {
        return new Tokens(clock, properties.accessTokenLifetime(), properties.refreshTokenLifetime());
    }

    @Bean
    AuthServer accelaAuthServer(AccelaSimulatorProperties properties, Tokens tokens) {
        return new AuthServer(properties, tokens);
    }

    @Bean
    ApiCallerResolver accelaApiCallerResolver(Tokens tokens, AgencyClock clock) {
        return new ApiCallerResolver(tokens, clock);
    }

    @Bean
    RecordCatalog accelaRecordCatalog(AccelaSimulatorProperties properties) {
        return new RecordCatalog(properties);
    }

    @Bean
    AnswerShapes accelaAnswerShapes() {
        return new AnswerShapes();
    }

    @Bean
    Records accelaRecords(RecordCatalog catalog, AgencyClock clock, AccelaSimulatorProperties properties,
                          AnswerShapes shapes) {
        RecordJson json = new RecordJson(clock, properties.agency(), catalog, shapes);
        return new Records(catalog, clock, json, properties.agency(), properties.recordIdCode(),
                new StaffAtWork(properties.staffFinishAfter(), "accela"));
    }

    @Bean
    Faults accelaFaults() {
        return new Faults();
    }

    @Bean
    AccelaSimulator accelaSimulator(Records records, Tokens tokens, Faults faults, AnswerShapes shapes,
                                    AgencyClock clock) {
        return new AccelaSimulator(records, tokens, faults, shapes, clock);
    }

    /** The gateway sees every request under the base path, before Spring MVC does. */
    @Bean
    FilterRegistrationBean<SimulatorGateway> accelaSimulatorGateway(Faults faults, AgencyClock clock,
                                                                    AccelaSimulatorProperties properties) {
        String basePath = properties.basePath();
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalStateException("civic311.simulators.accela.base-path must start with / and not end with one: "
                    + basePath);
        }
        FilterRegistrationBean<SimulatorGateway> registration =
                new FilterRegistrationBean<>(new SimulatorGateway(faults, clock, basePath));
        registration.addUrlPatterns(basePath + "/*");
        registration.setName("accelaSimulatorGateway");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer accelaSimulatorMvc(ApiCallerResolver callers) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(callers);
            }
        };
    }
}
