package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.civic311.connectors.ConnectorException;
import org.junit.jupiter.api.Test;

/**
 * A token the site refused is dead even when logging in again fails: the next call logs in first instead of
 * sending it once more.
 */
class CityworksReLoginTest {

    @Test
    void afterAFailedReLoginTheNextPushLogsInBeforeItsFirstCall() throws IOException {
        AtomicInteger logins = new AtomicInteger();
        try (FixedAnswerSite site = new FixedAnswerSite((service, token) -> switch (service) {
            case "General/Authentication/Authenticate" -> switch (logins.incrementAndGet()) {
                case 1 -> FixedAnswerSite.ok("{\"Token\":\"t-1\"}");
                case 2 -> FixedAnswerSite.UNKNOWN_ERROR;
                default -> FixedAnswerSite.ok("{\"Token\":\"t-2\"}");
            };
            // t-1 expires at once.
            case "Ams/ServiceRequest/ByOtherSystemId" -> "t-2".equals(token)
                    ? FixedAnswerSite.ok("null") : FixedAnswerSite.failure(2, 2, "Unauthorized");
            case "Ams/ServiceRequest/Problems" -> FixedAnswerSite.TREE_PROBLEMS;
            case "Ams/ServiceRequest/Create" -> FixedAnswerSite.ok("{\"RequestId\":4712,\"OtherSystemId\":\"600002\"}");
            default -> FixedAnswerSite.UNKNOWN_ERROR;
        })) {
            CityworksConnector connector = new CityworksConnector(site.properties());

            assertThatThrownBy(() -> connector.push(TestSite.damagedTree("600002", TestSite.URBAN_FORESTRY)))
                    .isInstanceOf(ConnectorException.class);
            int failedAttempt = site.callsWithTokens().size();
            connector.push(TestSite.damagedTree("600002", TestSite.URBAN_FORESTRY));

            assertThat(site.callsWithTokens().subList(failedAttempt, site.callsWithTokens().size())).containsExactly(
                    "General/Authentication/Authenticate [null]", "Ams/ServiceRequest/ByOtherSystemId [t-2]",
                    "Ams/ServiceRequest/Problems [t-2]", "Ams/ServiceRequest/Create [t-2]");
        }
    }
}
