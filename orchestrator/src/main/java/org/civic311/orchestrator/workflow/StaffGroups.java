package org.civic311.orchestrator.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.civic311.orchestrator.catalog.Departments;
import org.springframework.stereotype.Component;

/**
 * The groups the processes name as candidates: each department's supervisors ({@code supervisors-streets}), who
 * get that department's escalations; the directors, who get what supervisors left; the clerks.
 */
@Component
class StaffGroups {

    static final String DIRECTORS = "directors";
    static final String CLERKS = "clerks";
    static final String SUPERVISORS = "supervisors-";

    private final Departments departments;

    StaffGroups(Departments departments) {
        this.departments = departments;
    }

    /** Every staff group, by id, with the name Tasklist and Admin show. */
    Map<String, String> all() {
        Map<String, String> groups = new LinkedHashMap<>();
        departments.departments().keySet().stream().sorted().forEach(code ->
                groups.put(SUPERVISORS + code, "Supervisors, " + departments.nameOf(code)));
        groups.put(DIRECTORS, "Directors");
        groups.put(CLERKS, "Clerks");
        return groups;
    }

    /** The department a {@code supervisors-…} group id names, whether or not the city has it. */
    static Optional<String> departmentOf(String groupId) {
        return groupId.startsWith(SUPERVISORS)
                ? Optional.of(groupId.substring(SUPERVISORS.length()))
                : Optional.empty();
    }

    boolean isDepartment(String code) {
        return departments.departments().containsKey(code);
    }
}
