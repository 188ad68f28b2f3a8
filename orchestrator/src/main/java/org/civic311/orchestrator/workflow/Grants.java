package org.civic311.orchestrator.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Engine authorizations made at start. One that exists for the same user or group and resource is left as it is,
 * so what an administrator changed in the Admin app stays changed.
 */
final class Grants {

    private final AuthorizationService authorizations;

    Grants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grant(authorizations.createAuthorizationQuery().groupIdIn(groupId), null, groupId, resource, resourceId,
                permissions);
    }

    void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        grant(authorizations.createAuthorizationQuery().userIdIn(userId), userId, null, resource, resourceId,
                permissions);
    }

    /** Every permission on every resource: what an administrator has. */
    void everythingToGroup(String groupId) {
        for (Resource resource : Resources.values()) {
            toGroup(groupId, resource, ANY, Permissions.ALL);
        }
    }

    void everythingToUser(String userId) {
        for (Resource resource : Resources.values()) {
            toUser(userId, resource, ANY, Permissions.ALL);
        }
    }

    private void grant(AuthorizationQuery holder, String userId, String groupId, Resource resource, String resourceId,
                       Permission... permissions) {
        if (holder.resourceType(resource).resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setUserId(userId);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
