package org.civic311.orchestrator.catalog;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The city's departments by code, as routing rules name them ({@code streets}, {@code urban-forestry}).
 * How to reach each one is the connectors' configuration; this is what residents are shown.
 */
@ConfigurationProperties("civic311")
public record Departments(Map<String, Department> departments) {

    public Departments {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
    }

    /** The name residents see as {@code agency_responsible}; the code itself when no name is configured. */
    public String nameOf(String code) {
        Department department = departments.get(code);
        return department == null || department.name() == null ? code : department.name();
    }

    /** Whether routing may send work to {@code code}: it is one of the configured departments. */
    public boolean isKnown(String code) {
        return code != null && departments.containsKey(code);
    }

    /** Where the department's supervisors are warned of work nearing its due time, when configured. */
    public Optional<String> supervisorsEmail(String code) {
        Department department = departments.get(code);
        return Optional.ofNullable(department == null ? null : department.supervisorsEmail())
                .filter(address -> !address.isBlank());
    }

    /**
     * @param name             what residents see
     * @param supervisorsEmail the department's supervisors' (shared) address, for service-level warnings
     */
    public record Department(String name, String supervisorsEmail) {
    }
}
