package org.civic311.connectors.accela;

import java.time.ZoneId;
import java.util.Arrays;

import org.civic311.connectors.tck.ConnectorSettings;

/** Connector settings for the simulated agency, as an operator would write them for department code-enforcement. */
final class AccelaSettings {

    static final String DEPARTMENT = "code-enforcement";
    static final String HIGH_WEEDS = "high_weeds";
    static final String TALL_GRASS = "ServiceRequest/Trees and Weeds/Tall Grass and Weeds/NA";
    static final String JUNK_AND_DEBRIS = "ServiceRequest/Property Maintenance/Junk and Debris/NA";
    static final ZoneId AGENCY_ZONE = ZoneId.of("America/Chicago");

    private AccelaSettings() {
    }

    /** @param overrides settings that differ, e.g. {@code "password", "wrong"} */
    static AccelaConnectorProperties forSimulator(int port, String... overrides) {
        String base = "http://localhost:" + port + "/sim/accela";
        String[] agency = {"enabled", "true",
            "auth-url", base,
            "api-url", base,
            "app-id", "demo",
            "app-secret", "demo",
            "username", "demo",
            "password", "demo",
            "agency", "CIVIC311",
            "environment", "TEST",
            "zone", AGENCY_ZONE.getId(),
            "departments." + DEPARTMENT + ".custom-form.answer-fields[0].attribute", "vacant_lot",
            "departments." + DEPARTMENT + ".custom-form.answer-fields[0].field", "Vacant Lot",
            "departments." + DEPARTMENT + ".custom-form.answer-fields[0].type", "CHECKBOX",
            "departments." + DEPARTMENT + ".custom-form.answer-fields[1].attribute", "hazard",
            "departments." + DEPARTMENT + ".custom-form.answer-fields[1].field", "Hazard",
            "departments." + DEPARTMENT + ".custom-form.answer-fields[1].type", "RADIO"};
        String[] settings = Arrays.copyOf(agency, agency.length + overrides.length);
        System.arraycopy(overrides, 0, settings, agency.length, overrides.length);
        return ConnectorSettings.bind(AccelaConnectorProperties.PREFIX, AccelaConnectorProperties.class, settings);
    }
}
