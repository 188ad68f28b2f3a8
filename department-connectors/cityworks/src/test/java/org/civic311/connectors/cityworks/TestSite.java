package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkUpdate;
import org.civic311.connectors.tck.ConnectorSettings;
import org.civic311.simulators.cityworks.CityworksSimulator;

/**
 * The city the tests configure: which departments work in the simulated Cityworks site, and how. The work types the
 * routing rules would give are the simulator's defaults (problem codes POTHOLE 101, TREE DAMAGED 102, TREE DOWN 103;
 * WOTemplateIds 2001 Pothole repair, 2003 Tree pruning).
 */
final class TestSite {

    static final String LOGIN = "civic311";
    static final String PASSWORD = "civic311-test-secret";

    /** Service requests, filed under the pothole problem type. */
    static final String STREETS = "streets";
    /** Service requests, two tree problem types. */
    static final String URBAN_FORESTRY = "urban-forestry";
    /** Work orders straight away, from templates. */
    static final String STREET_CREWS = "street-crews";

    private TestSite() {
    }

    /** @param overrides settings that differ from the test city's, e.g. {@code "password", "wrong"} */
    static CityworksConnectorProperties properties(int port, String... overrides) {
        String[] city = {"enabled", "true",
            "base-url", "http://localhost:" + port + "/sim/cityworks",
            "login-name", LOGIN,
            "password", PASSWORD,
            "zone", "UTC",
            "departments." + STREETS + ".kind", "service-request",
            "departments." + URBAN_FORESTRY + ".kind", "service-request",
            "departments." + STREET_CREWS + ".kind", "work-order",
            "departments." + STREET_CREWS + ".entity-type", "STREET"};
        String[] settings = Arrays.copyOf(city, city.length + overrides.length);
        System.arraycopy(overrides, 0, settings, city.length, overrides.length);
        return ConnectorSettings.bind(CityworksConnectorProperties.PREFIX, CityworksConnectorProperties.class, settings);
    }

    /**
     * A resident's damaged-tree report, as the orchestrator hands it over: with the problem code TREE DAMAGED, or for
     * the work order department the template 2003.
     */
    static WorkOrder damagedTree(String taskId, String department) {
        return damagedTree(taskId, department, STREET_CREWS.equals(department) ? "2003" : "TREE DAMAGED");
    }

    /** The same report with the work type the routing rules gave, e.g. null when they gave none. */
    static WorkOrder damagedTree(String taskId, String department, String workType) {
        return new WorkOrder(taskId, "SR-2026-" + taskId, "damaged_tree", "Damaged tree", department, "P2", workType,
                Instant.parse("2026-11-25T23:00:00Z"), "Large limb hanging over the sidewalk",
                new WorkOrder.Location(41.8837, -87.6324, "121 N LaSalle St", null, "60602"),
                Map.of("hazard", List.of("yes"), "tree_size", List.of("large")),
                new WorkOrder.Caller("Jane", "Resident", "jane@example.org", "312-555-0100"),
                "https://photos.example.org/tree.jpg");
    }

    /**
     * A push, the site's tokens expire, a second push whose request staff close, the tokens expire again, a poll:
     * answers what that poll reported for the second request (its only update).
     */
    static WorkUpdate closureAcrossTwoTokenExpiries(CityworksConnector connector, CityworksSimulator simulator,
                                                    String firstTask) {
        connector.push(damagedTree(firstTask, URBAN_FORESTRY));
        simulator.expireAllTokens();
        ExternalRef second = connector.push(damagedTree(firstTask + "-2", URBAN_FORESTRY));
        simulator.closeRequest(requestId(second), "Pruned back from the sidewalk");
        simulator.expireAllTokens();
        List<WorkUpdate> updates = connector.pullUpdates(aMinuteAgo()).updates().stream()
                .filter(update -> update.ref().equals(second))
                .toList();
        if (updates.size() != 1) {
            throw new AssertionError("Expected one update for " + second + ", got " + updates);
        }
        return updates.get(0);
    }

    static long requestId(ExternalRef ref) {
        return Long.parseLong(idAfter("SR:", ref));
    }

    static String workOrderId(ExternalRef ref) {
        return idAfter("WO:", ref);
    }

    static Instant aMinuteAgo() {
        return Instant.now().minus(1, ChronoUnit.MINUTES);
    }

    private static String idAfter(String prefix, ExternalRef ref) {
        if (!ref.id().startsWith(prefix)) {
            throw new AssertionError("Expected a " + prefix + " reference, got " + ref);
        }
        return ref.id().substring(prefix.length());
    }
}
