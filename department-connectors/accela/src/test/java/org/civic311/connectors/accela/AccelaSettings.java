package org.civic311.connectors.accela;

import java.time.ZoneId;

import org.civic311.connectors.accela.AccelaConnectorProperties.Department;

/** Connector settings for the simulated agency, as an operator would write them for department code-enforcement. */
final class AccelaSettings {

    static final String DEPARTMENT = "code-enforcement";
    static final String HIGH_WEEDS = "high_weeds";
    static final String TALL_GRASS = "ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA";
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/Chicago");

    private AccelaSettings() {
    }

    static AccelaConnectorProperties forSimulator(int port) {
        String base = "http://localhost:" + port + "/sim/accela";
        AccelaConnectorProperties properties = new AccelaConnectorProperties();
        properties.setEnabled(true);
        properties.setAuthUrl(base);
        properties.setApiUrl(base);
        properties.setAppId("demo");
        properties.setAppSecret("demo");
        properties.setUsername("demo");
        properties.setPassword("demo");
        properties.setAgency("CIVIC311");
        properties.setEnvironment("TEST");
        properties.setZone(AGENCY_ZONE);
        Department codeEnforcement = new Department();
        codeEnforcement.getRecordTypes().put(HIGH_WEEDS, TALL_GRASS);
        codeEnforcement.getRecordTypes().put("junk_debris", "ServiceRequest/Property Maintenance/Junk and Debris/NA");
        properties.getDepartments().put(DEPARTMENT, codeEnforcement);
        return properties;
    }
}
