package org.civic311.simulators.cityworks;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the simulated Cityworks site from the host application when
 * {@code civic311.simulators.cityworks.enabled=true}; adding the dependency alone changes nothing.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "civic311.simulators.cityworks", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(CityworksSimulatorProperties.class)
public class CityworksSimulatorAutoConfiguration {

    // Its own mapper, so the host's Jackson settings (naming, null handling) cannot reshape the wire format.
    private final ObjectMapper json = new ObjectMapper();

    @Bean
    CityworksSimulator cityworksSimulator(CityworksSimulatorProperties properties) {
        return new CityworksSimulator(properties, json);
    }

    @Bean
    RouterFunction<ServerResponse> cityworksSimulatorRoutes(CityworksSimulator simulator,
                                                            CityworksSimulatorProperties properties) {
        String basePath = CityworksEndpoint.normalizedBasePath(properties.basePath());
        CityworksServices services = new CityworksServices(
                new AuthenticationApi(simulator.tokens, properties),
                new ServiceRequestApi(simulator.requests, simulator.workOrders, simulator.comments, simulator.clock, properties,
                        simulator.dates),
                new WorkOrderApi(simulator.workOrders, simulator.requests, simulator.comments, simulator.clock, properties,
                        simulator.dates),
                new CommentApi(simulator.comments, simulator.requests, simulator.workOrders));
        CityworksEndpoint endpoint = new CityworksEndpoint(simulator, services, basePath, json, properties);
        return RouterFunctions.route(
                RequestPredicates.path(basePath + "/**")
                        .and(RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.POST))),
                endpoint);
    }
}
