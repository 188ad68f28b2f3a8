package org.civic311.orchestrator.workflow;

import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.civic311.orchestrator.workflow.StaffProperties.Directory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff from the city's directory: Camunda's LDAP identity plugin replaces the engine's own users and groups, so
 * logins (Tasklist, {@code /engine-rest}) check the directory's password and a user's groups are the directory's.
 * Read only: users and groups are kept in the directory, not in the Admin app.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = StaffProperties.PREFIX + ".ldap", name = "url")
class CityDirectory {

    @Bean
    LdapIdentityProviderPlugin ldapIdentityProvider(StaffProperties staff) {
        Directory directory = staff.ldap();
        LdapIdentityProviderPlugin plugin = new LdapIdentityProviderPlugin();
        plugin.setServerUrl(directory.url());
        plugin.setUseSsl(directory.isEncrypted());
        plugin.setManagerDn(directory.managerDn());
        plugin.setManagerPassword(directory.resolveManagerPassword());
        plugin.setBaseDn(directory.baseDn());
        plugin.setUserSearchBase(directory.userSearchBase());
        plugin.setUserSearchFilter(directory.userSearchFilter());
        plugin.setUserIdAttribute(directory.userIdAttribute());
        plugin.setUserFirstnameAttribute(directory.userFirstnameAttribute());
        plugin.setUserLastnameAttribute(directory.userLastnameAttribute());
        plugin.setUserEmailAttribute(directory.userEmailAttribute());
        plugin.setGroupSearchBase(directory.groupSearchBase());
        plugin.setGroupSearchFilter(directory.groupSearchFilter());
        plugin.setGroupIdAttribute(directory.groupIdAttribute());
        plugin.setGroupNameAttribute(directory.groupNameAttribute());
        plugin.setGroupMemberAttribute(directory.groupMemberAttribute());
        return plugin;
    }
}
