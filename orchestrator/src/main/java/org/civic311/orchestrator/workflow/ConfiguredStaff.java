package org.civic311.orchestrator.workflow;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.civic311.connectors.InvalidSettingException;
import org.civic311.orchestrator.workflow.StaffProperties.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Without a directory, the engine's own database holds the staff: at every start the staff groups are created
 * when missing, and each user of {@code civic311.staff.users} is created or brought in line with the settings
 * (name, email, password, groups). Users created in the Admin app are left alone.
 */
@Component
class ConfiguredStaff extends AbstractProcessEnginePlugin {

    private final StaffProperties staff;
    private final StaffGroups groups;

    ConfiguredStaff(StaffProperties staff, StaffGroups groups, AdministratorProperties administrator) {
        List<StaffMember> users = staff.users();
        for (int i = 0; i < users.size(); i++) {
            String setting = StaffProperties.PREFIX + ".users[" + i + "]";
            StaffMember member = users.get(i);
            if (member.id().equals(administrator.id())) {
                throw new InvalidSettingException("Setting " + setting + ".id is " + member.id()
                        + ", the administrator (civic311.admin.id): give the administrator's groups in the Admin app");
            }
            for (String group : member.groups()) {
                StaffGroups.departmentOf(group).filter(code -> !groups.isDepartment(code)).ifPresent(code -> {
                    throw new InvalidSettingException("Setting " + setting + ".groups names " + group
                            + ", but there is no department " + code + " (civic311.departments)");
                });
            }
        }
        this.staff = staff;
        this.groups = groups;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (staff.fromDirectory()) {
            return;
        }
        IdentityService identity = engine.getIdentityService();
        groups.all().forEach((id, name) -> createGroup(identity, id, name));
        List<StaffMember> users = staff.users();
        for (int i = 0; i < users.size(); i++) {
            save(identity, users.get(i), users.get(i).resolvePassword(i));
        }
    }

    private static void save(IdentityService identity, StaffMember member, String password) {
        User user = identity.createUserQuery().userId(member.id()).singleResult();
        if (user == null) {
            user = identity.newUser(member.id());
        }
        user.setFirstName(member.displayFirstName());
        user.setLastName(member.lastName());
        user.setEmail(member.email());
        // Staff cannot change their password (that is the Admin app): the setting is the password.
        user.setPassword(password);
        identity.saveUser(user);

        for (Group group : identity.createGroupQuery().groupMember(member.id()).list()) {
            if (!member.groups().contains(group.getId())) {
                identity.deleteMembership(member.id(), group.getId());
            }
        }
        for (String group : member.groups()) {
            createGroup(identity, group, group);
            if (identity.createUserQuery().userId(member.id()).memberOfGroup(group).count() == 0) {
                identity.createMembership(member.id(), group);
            }
        }
    }

    private static void createGroup(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.CAMUNDA_ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }
}
