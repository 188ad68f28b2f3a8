package org.civic311.orchestrator.workflow;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.civic311.connectors.InvalidSettingException;
import org.civic311.connectors.SecretSetting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who works in Tasklist: users and groups from this configuration (a small city), or the city's directory over
 * LDAP. Never both: with a directory, the directory is the engine's only source of users and groups.
 *
 * @param users staff created, or brought in line with this list, at every start (not with a directory)
 * @param ldap  the city's directory; set {@code url} to use it
 */
@Validated
@ConfigurationProperties(StaffProperties.PREFIX)
record StaffProperties(@DefaultValue @Valid List<StaffMember> users, @Valid Directory ldap) {

    static final String PREFIX = "civic311.staff";

    /**
     * What user and group ids may hold: the engine's rule as application.yml widens it (the engine's own is letters
     * and digits only), so that a directory's logins and the staff groups fit.
     */
    static final String ID = "[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*";
    static final String ID_RULE = "must be letters and digits, in parts joined by single dots, hyphens or underscores";

    StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
        for (int i = 0; i < users.size(); i++) {
            StaffMember member = users.get(i);
            SecretSetting.check(PREFIX + ".users[" + i + "].password", member.password(), member.passwordFile());
        }
        if (ldap != null && !users.isEmpty()) {
            throw new InvalidSettingException("Settings " + PREFIX + ".users and " + PREFIX + ".ldap are both given:"
                    + " staff come either from the settings or from the directory; with a directory, put the users in"
                    + " its groups");
        }
        if (ldap != null) {
            SecretSetting.check(PREFIX + ".ldap.manager-password", ldap.managerPassword(), ldap.managerPasswordFile());
            if (!ldap.isEncrypted() && !ldap.allowPlainLdap()) {
                throw new InvalidSettingException("Setting " + PREFIX + ".ldap.url must be an ldaps:// address (TLS),"
                        + " not '" + ldap.url() + "': staff passwords would cross the network readable. For a test"
                        + " directory only, set " + PREFIX + ".ldap.allow-plain-ldap: true");
            }
        }
    }

    /** Whether users, groups and passwords come from the city's directory. */
    boolean fromDirectory() {
        return ldap != null;
    }

    /**
     * One member of staff.
     *
     * @param id           the login, e.g. {@code jroe} or {@code streets-supervisor}
     * @param firstName    shown in Tasklist; the id when not given
     * @param lastName     shown in Tasklist
     * @param email        optional
     * @param password     from the environment, never in a file in the repository
     * @param passwordFile instead of {@code password}: a file holding it (a mounted secret)
     * @param groups       e.g. {@code supervisors-streets}, {@code directors}, {@code clerks}
     */
    record StaffMember(
            @NotBlank(message = "the member's login, e.g. jroe") @Pattern(regexp = ID, message = ID_RULE) String id,
            String firstName,
            String lastName,
            @Email String email,
            String password,
            Path passwordFile,
            @DefaultValue List<@NotBlank @Pattern(regexp = ID, message = ID_RULE) String> groups) {

        /** Named for the setting it checks, so that a failure names {@code password}. */
        @AssertTrue(message = "the member's password: give password, or password-file (a mounted secret)")
        boolean isPassword() {
            return SecretSetting.isGiven(password, passwordFile);
        }

        String resolvePassword(int index) {
            return SecretSetting.resolve(PREFIX + ".users[" + index + "].password", password, passwordFile);
        }

        String displayFirstName() {
            return firstName == null || firstName.isBlank() ? id : firstName;
        }
    }

    /**
     * The city's directory, read with Camunda's LDAP identity plugin. Users log in with their directory password;
     * their groups are the directory's groups, found by {@code groupMemberAttribute} holding the user's DN.
     *
     * @param url                     e.g. {@code ldaps://ldap.springfield.gov:636}
     * @param managerDn               the account the engine reads the directory with
     * @param managerPassword         its password, from the environment
     * @param managerPasswordFile     instead of {@code managerPassword}: a mounted secret
     * @param baseDn                  where users and groups are searched, e.g. {@code dc=springfield,dc=gov}
     * @param userSearchBase          below {@code baseDn}, e.g. {@code ou=people}; empty: {@code baseDn} itself
     * @param userSearchFilter        which entries are users
     * @param userIdAttribute         the login ({@code sAMAccountName} in Active Directory)
     * @param userFirstnameAttribute  shown in Tasklist
     * @param userLastnameAttribute   shown in Tasklist
     * @param userEmailAttribute      the user's email
     * @param groupSearchBase         below {@code baseDn}, e.g. {@code ou=groups}
     * @param groupSearchFilter       which entries are groups
     * @param groupIdAttribute        the group id Civic311 names ({@code supervisors-streets})
     * @param groupNameAttribute      shown in Tasklist and Admin
     * @param groupMemberAttribute    holds the members' DNs
     * @param administratorGroup      optional: a directory group whose members may do everything, as the
     *                                administrator {@code civic311.admin.id} may
     * @param allowPlainLdap          allows an unencrypted {@code ldap://} url: for test directories only
     */
    record Directory(
            @NotBlank(message = "the directory's address, e.g. ldaps://ldap.springfield.gov:636") String url,
            @NotBlank(message = "the account the engine reads the directory with, e.g."
                    + " cn=civic311,ou=services,dc=springfield,dc=gov") String managerDn,
            String managerPassword,
            Path managerPasswordFile,
            @NotBlank(message = "where staff are searched, e.g. dc=springfield,dc=gov") String baseDn,
            @DefaultValue("") String userSearchBase,
            @DefaultValue("(objectclass=person)") String userSearchFilter,
            @DefaultValue("uid") String userIdAttribute,
            @DefaultValue("givenName") String userFirstnameAttribute,
            @DefaultValue("sn") String userLastnameAttribute,
            @DefaultValue("mail") String userEmailAttribute,
            @DefaultValue("") String groupSearchBase,
            @DefaultValue("(objectclass=groupOfNames)") String groupSearchFilter,
            @DefaultValue("cn") String groupIdAttribute,
            @DefaultValue("cn") String groupNameAttribute,
            @DefaultValue("member") String groupMemberAttribute,
            String administratorGroup,
            @DefaultValue("false") boolean allowPlainLdap) {

        /** Whether the url connects over TLS ({@code ldaps://}, in any case). */
        boolean isEncrypted() {
            return url != null && url.regionMatches(true, 0, "ldaps://", 0, "ldaps://".length());
        }

        /** Named for the setting it checks, so that a failure names {@code manager-password}. */
        @AssertTrue(message = "the password of the account the engine reads the directory with: give"
                + " manager-password, or manager-password-file (a mounted secret)")
        boolean isManagerPassword() {
            return SecretSetting.isGiven(managerPassword, managerPasswordFile);
        }

        String resolveManagerPassword() {
            return SecretSetting.resolve(PREFIX + ".ldap.manager-password", managerPassword, managerPasswordFile);
        }
    }
}
