package org.civic311.orchestrator.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.workflow.AdministratorSettingTest.messages;
import static org.civic311.orchestrator.workflow.AdministratorSettingTest.start;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Staff settings that cannot work stop the start, with a sentence that names the setting. */
@ExtendWith(OutputCaptureExtension.class)
class StaffSettingTest {

    static final String DIRECTORY = "--civic311.staff.ldap.url=LDAPS://127.0.0.1:1";

    @Test
    void aMemberOfStaffWithoutAPasswordStopsTheStart(CapturedOutput output) {
        assertThat(messages(start("--civic311.staff.users[0].id=jroe",
                "--civic311.staff.users[0].groups=supervisors-streets"))).isNotEmpty();

        assertThat(output).contains("Setting civic311.staff.users.0.password is missing: the member's password:"
                + " give password, or password-file (a mounted secret). See docs/configuration.md");
    }

    @Test
    void aSupervisorsGroupOfNoDepartmentStopsTheStart(CapturedOutput output) {
        assertThat(messages(start("--civic311.staff.users[0].id=jroe", "--civic311.staff.users[0].password=pw",
                "--civic311.staff.users[0].groups=clerks,supervisors-parks"))).isNotEmpty();

        assertThat(output).contains("Setting civic311.staff.users[0].groups names supervisors-parks, but there is no"
                + " department parks (civic311.departments). See docs/configuration.md");
    }

    @Test
    void usersFromTheSettingsAndADirectoryTogetherStopTheStart(CapturedOutput output) {
        assertThat(messages(start("--civic311.staff.users[0].id=jroe", "--civic311.staff.users[0].password=pw",
                DIRECTORY, "--civic311.staff.ldap.manager-dn=cn=civic311", "--civic311.staff.ldap.manager-password=x",
                "--civic311.staff.ldap.base-dn=dc=springfield"))).isNotEmpty();

        assertThat(output).contains("Settings civic311.staff.users and civic311.staff.ldap are both given");
    }

    @Test
    void aDirectoryWithoutTlsStopsTheStartUnlessAllowed(CapturedOutput output) {
        assertThat(messages(start("--civic311.staff.ldap.url=ldap://127.0.0.1:1",
                "--civic311.staff.ldap.manager-dn=cn=civic311", "--civic311.staff.ldap.manager-password=x",
                "--civic311.staff.ldap.base-dn=dc=springfield", "--civic311.admin.password="))).isNotEmpty();

        assertThat(output).contains("Setting civic311.staff.ldap.url must be an ldaps:// address (TLS), not"
                + " 'ldap://127.0.0.1:1'").contains("civic311.staff.ldap.allow-plain-ldap: true");
    }

    @Test
    void aDirectoryWithoutItsReadersPasswordStopsTheStart(CapturedOutput output) {
        assertThat(messages(start(DIRECTORY, "--civic311.staff.ldap.manager-dn=cn=civic311",
                "--civic311.staff.ldap.base-dn=dc=springfield"))).isNotEmpty();

        assertThat(output).contains("Setting civic311.staff.ldap.manager-password is missing: the password of the"
                + " account the engine reads the directory with");
    }

    @Test
    void anAdministratorPasswordBesideTheDirectoryStopsTheStart(CapturedOutput output) {
        assertThat(messages(start(DIRECTORY, "--civic311.staff.ldap.manager-dn=cn=civic311",
                "--civic311.staff.ldap.manager-password=x", "--civic311.staff.ldap.base-dn=dc=springfield")))
                .isNotEmpty();

        assertThat(output).contains("Setting civic311.admin.password is not used with a directory");
    }
}
