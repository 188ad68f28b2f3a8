package org.civic311.connectors.accela;

import org.civic311.simulators.accela.AnswerShapes.StatusTypeShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract against an agency whose records come without their statusType, as GET /v4/records answers them. */
class AccelaContractWithoutStatusTypeTest extends AccelaConnectorContractTest {

    @BeforeEach
    void withoutStatusType() {
        accela.answerStatusTypeAs(StatusTypeShape.ABSENT);
    }

    @AfterEach
    void usualShape() {
        accela.answerStatusTypeAs(StatusTypeShape.STRING);
    }
}
