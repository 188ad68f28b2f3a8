package org.civic311.orchestrator.dispatch;

import java.util.Iterator;
import java.util.List;

import org.civic311.connectors.DepartmentConnector;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * The health check {@code departmentSystems} (the bean name less its suffix): one check per enabled department system (Cityworks, Accela, the
 * email connector's mail servers), each logging in to the system afresh. DOWN names the system's own error, as
 * the dispatch log would; a connector without a connection check is UNKNOWN.
 */
@Component("departmentSystemsHealthContributor")
class DepartmentSystemsHealth implements CompositeHealthContributor {

    private final DepartmentSystems systems;

    DepartmentSystemsHealth(DepartmentSystems systems) {
        this.systems = systems;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return systems.names().contains(name) ? check(systems.connector(name)) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        List<NamedContributor<HealthContributor>> all = systems.names().stream()
                .map(name -> NamedContributor.of(name, (HealthContributor) check(systems.connector(name))))
                .toList();
        return all.iterator();
    }

    private static HealthIndicator check(DepartmentConnector connector) {
        return () -> {
            try {
                connector.checkConnection();
                return Health.up().build();
            } catch (UnsupportedOperationException e) {
                return Health.unknown().withDetail("reason", "This connector has no connection check").build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
            }
        };
    }
}
