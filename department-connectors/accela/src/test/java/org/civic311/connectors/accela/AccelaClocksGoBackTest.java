package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.accela.AccelaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On 1 November 2026 Chicago's clocks go back from 02:00 CDT to 01:00 CST, and 01:31:17 happens twice. Accela writes
 * either as {@code 2026-11-01 01:31:17}: a completion in the second of them must not be taken for the first and
 * passed over as read by an earlier poll.
 */
@AccelaSimulatorTest
class AccelaClocksGoBackTest {

    /** 01:31:17 CST, the second time the agency's clocks show it. */
    static final Instant IN_THE_REPEATED_HOUR = Instant.parse("2026-11-01T07:31:17Z");

    @LocalServerPort
    int port;

    @Autowired
    AccelaSimulator accela;

    @AfterEach
    void realTime() {
        accela.setClockTo(null);
    }

    @Test
    void aCompletionInTheRepeatedHourIsReadByAPollWhoseWatermarkPassedItsFirstOccurrence() {
        AccelaConnector connector = new AccelaConnector(AccelaSettings.forSimulator(port));
        ExternalRef item = connector.push(WorkOrders.highWeeds(WorkOrders.newTaskId()));
        accela.setClockTo(IN_THE_REPEATED_HOUR);
        accela.completeWorkflowTask(item.id(), "Violation Corrected", "Lot mowed");

        // The last poll ran at 01:00 CST, past 01:31:17 CDT (06:31:17Z).
        Instant watermark = Instant.parse("2026-11-01T07:00:00Z");

        assertThat(connector.pullUpdates(watermark).updates())
                .filteredOn(update -> update.ref().equals(item))
                .singleElement()
                .satisfies(update -> {
                    assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
                    assertThat(update.at()).isEqualTo(IN_THE_REPEATED_HOUR);
                })
                .extracting(WorkUpdate::note).isEqualTo("Violation Corrected: Lot mowed");
    }
}
