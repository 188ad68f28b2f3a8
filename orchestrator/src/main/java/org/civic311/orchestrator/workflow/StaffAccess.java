package org.civic311.orchestrator.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who of the staff logged in to {@code /staff/api} (the engine's users and groups, as in Tasklist) may read what
 * the city knows of a request: the administrators, the directors, and the supervisors of the request's department.
 */
@Component
public class StaffAccess {

    private final IdentityService identity;

    StaffAccess(IdentityService identity) {
        this.identity = identity;
    }

    /** @param department the request's department code, or null when it was not routed yet */
    public boolean mayReadRequestOf(String department) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            return false;
        }
        // The groups the engine's authentication filter looked up for this call.
        List<String> groups = current.getGroupIds() == null ? List.of() : current.getGroupIds();
        return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(StaffGroups.DIRECTORS)
                || department != null && groups.contains(StaffGroups.SUPERVISORS + department);
    }

    /** The engine user this call was made by; null when none logged in. */
    public String currentUser() {
        Authentication current = identity.getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    /** Whether the staff member may preview rule changes: the administrators and the directors. */
    public boolean mayPreviewRules() {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getUserId() == null) {
            return false;
        }
        List<String> groups = current.getGroupIds() == null ? List.of() : current.getGroupIds();
        return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(StaffGroups.DIRECTORS);
    }
}
