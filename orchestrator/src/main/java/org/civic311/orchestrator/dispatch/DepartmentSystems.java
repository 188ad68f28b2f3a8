package org.civic311.orchestrator.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.DepartmentConnector;
import org.springframework.stereotype.Component;

/** The department systems this installation can reach: one connector bean per system. */
@Component
public class DepartmentSystems {

    private final Map<String, DepartmentConnector> bySystem = new TreeMap<>();

    DepartmentSystems(List<DepartmentConnector> connectors) {
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

    public Set<String> names() {
        return bySystem.keySet();
    }
}
