package org.civic311.orchestrator.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Makes the configured administrator a member of {@code camunda-admin}, with every permission, when the engine
 * has no user of that id yet. An existing user is left as it is: a password changed in Admin stays changed.
 */
@Component
class FirstAdministrator extends AbstractProcessEnginePlugin {

    private final AdministratorProperties administrator;

    FirstAdministrator(AdministratorProperties administrator) {
        this.administrator = administrator;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(administrator.id()).count() > 0) {
            return;
        }
        User user = identity.newUser(administrator.id());
        user.setPassword(administrator.resolvePassword());
        user.setFirstName(administrator.id());
        user.setLastName("Administrator");
        identity.saveUser(user);
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
            Group admins = identity.newGroup(CAMUNDA_ADMIN);
            admins.setName("Camunda Administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(admins);
        }
        grantEverything(engine.getAuthorizationService());
        identity.createMembership(administrator.id(), CAMUNDA_ADMIN);
    }

    private static void grantEverything(AuthorizationService authorizations) {
        for (Resource resource : Resources.values()) {
            boolean granted = authorizations.createAuthorizationQuery()
                    .groupIdIn(CAMUNDA_ADMIN).resourceType(resource).resourceId(ANY).count() > 0;
            if (!granted) {
                Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                grant.setGroupId(CAMUNDA_ADMIN);
                grant.setResource(resource);
                grant.setResourceId(ANY);
                grant.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(grant);
            }
        }
    }
}
