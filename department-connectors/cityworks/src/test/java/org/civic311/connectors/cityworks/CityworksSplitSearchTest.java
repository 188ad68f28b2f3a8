package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A poll on a site whose Search answers few ids (its cap, lowered here from the usual 10,000) and which keeps closing
 * times to the millisecond (SQL Server): the connector splits its window at whole seconds, and a closure half a
 * second after a split must still be found.
 */
@SimulatedCityworks
@TestPropertySource(properties = "civic311.simulators.cityworks.search-cap=" + CityworksSplitSearchTest.CAP)
class CityworksSplitSearchTest {

    static final int CAP = 3;

    static final int CLOSURES = 12;

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    @BeforeEach
    void millisecondSite() {
        simulator.reset();
        simulator.keepFractionsOfSeconds(true);
    }

    @AfterEach
    void usualSite() {
        simulator.reset();
    }

    @Test
    void closuresHalfASecondAfterEverySecondAreAllFoundWhateverSecondTheWindowIsSplitAt() {
        CityworksConnector connector = new CityworksConnector(TestSite.properties(port), CAP);
        List<ExternalRef> pushed = new ArrayList<>();
        for (int i = 0; i < CLOSURES; i++) {
            pushed.add(connector.push(TestSite.damagedTree("730" + (100 + i), TestSite.URBAN_FORESTRY)));
        }
        // Closed one a second, each at .5, from an hour ahead: every second a split can fall on has one just after.
        Instant since = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < CLOSURES; i++) {
            simulator.setClockTo(since.plusMillis(i * 1000L + 500));
            simulator.closeRequest(TestSite.requestId(pushed.get(i)), "Pruned");
        }

        List<WorkUpdate> updates = connector.pullUpdates(since).updates();

        assertThat(updates).extracting(WorkUpdate::ref).containsExactlyInAnyOrderElementsOf(pushed);
    }
}
