package org.civic311.connectors.accela;

import java.time.ZoneId;

import org.civic311.simulators.accela.AnswerShapes.DateShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract against an agency that stores status dates as days, at midnight on its server's coast, and answers
 * every date as a UTC instant ({@code …T07:00:00Z}).
 */
class AccelaContractDayDatesTest extends AccelaConnectorContractTest {

    @BeforeEach
    void daysAsUtcInstants() {
        accela.answerDatesAs(DateShape.UTC);
        accela.storeStatusDaysAtMidnightIn(ZoneId.of("America/Los_Angeles"));
    }

    @AfterEach
    void usualDates() {
        accela.answerDatesAs(DateShape.LOCAL);
        accela.storeStatusDatesOnly(false);
    }
}
