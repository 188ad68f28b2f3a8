package org.civic311.connectors.accela;

import org.civic311.simulators.accela.AnswerShapes.StatusTypeShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract against an agency whose records carry statusType as an array, as recordModel declares it. */
class AccelaContractStatusTypeArrayTest extends AccelaConnectorContractTest {

    @BeforeEach
    void statusTypeAsArray() {
        accela.answerStatusTypeAs(StatusTypeShape.ARRAY);
    }

    @AfterEach
    void usualShape() {
        accela.answerStatusTypeAs(StatusTypeShape.STRING);
    }
}
