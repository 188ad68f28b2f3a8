package org.civic311.orchestrator.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.DepartmentConnector;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The department systems this installation can reach: one connector bean per system. */
@Component
public class DepartmentSystems {

    private final Map<String, DepartmentConnector> bySystem = new TreeMap<>();
    private final Binder settings;

    DepartmentSystems(List<DepartmentConnector> connectors, Environment environment) {
        this.settings = Binder.get(environment);
        for (DepartmentConnector connector : connectors) {
            DepartmentConnector clash = bySystem.put(connector.system(), connector);
            if (clash != null) {
                throw new IllegalStateException("Two connectors claim the system '" + connector.system() + "': "
                        + clash.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
    }

    public DepartmentConnector connector(String system) {
        DepartmentConnector connector = bySystem.get(system);
        if (connector == null) {
            throw new ConnectorException("No connector for the department system '" + system
                    + "' is enabled (civic311.connectors." + system + ".enabled); enabled: " + bySystem.keySet());
        }
        return connector;
    }

    /**
     * Whether the system's connector is set up for the department: each connector names its departments in
     * {@code civic311.connectors.<system>.departments.<code>} (a department code in any case).
     */
    public boolean serves(String system, String department) {
        return bySystem.containsKey(system) && settings
                .bind("civic311.connectors." + system + ".departments", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).keySet().stream()
                .anyMatch(code -> code.toLowerCase(Locale.ROOT).equals(department.toLowerCase(Locale.ROOT)));
    }

    public Set<String> names() {
        return bySystem.keySet();
    }
}
