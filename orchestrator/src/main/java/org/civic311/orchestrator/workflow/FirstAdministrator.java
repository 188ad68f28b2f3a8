package org.civic311.orchestrator.workflow;

import static org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.civic311.connectors.InvalidSettingException;
import org.springframework.stereotype.Component;

/**
 * Makes the configured administrator a member of {@code camunda-admin}, with every permission, when the engine
 * has no user of that id yet. An existing user is left as it is: a password changed in Admin stays changed.
 * With a directory the administrator is the directory's user of that id, granted every permission itself (and so
 * is the directory's administrator group, when one is configured).
 */
@Component
class FirstAdministrator extends AbstractProcessEnginePlugin {

    static final String PASSWORD_MISSING = "Setting " + AdministratorProperties.PREFIX + ".password is missing:"
            + " the password of the engine's first administrator: give password, or password-file (a mounted secret)";

    private final AdministratorProperties administrator;
    private final StaffProperties staff;

    FirstAdministrator(AdministratorProperties administrator, StaffProperties staff) {
        if (!staff.fromDirectory() && !administrator.hasPassword()) {
            throw new InvalidSettingException(PASSWORD_MISSING);
        }
        if (staff.fromDirectory() && administrator.hasPassword()) {
            throw new InvalidSettingException("Setting " + AdministratorProperties.PREFIX + ".password is not used"
                    + " with a directory (civic311.staff.ldap): the administrator " + administrator.id()
                    + " logs in with the directory's password; remove the setting");
        }
        this.administrator = administrator;
        this.staff = staff;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Grants grants = new Grants(engine.getAuthorizationService());
        if (staff.fromDirectory()) {
            grants.everythingToUser(administrator.id());
            String administrators = staff.ldap().administratorGroup();
            if (administrators != null && !administrators.isBlank()) {
                grants.everythingToGroup(administrators);
            }
            return;
        }
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
        grants.everythingToGroup(CAMUNDA_ADMIN);
        identity.createMembership(administrator.id(), CAMUNDA_ADMIN);
    }
}
