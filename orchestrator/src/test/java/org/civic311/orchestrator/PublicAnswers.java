package org.civic311.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.request.StaffNote;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What the public sees of a request, and what only staff see: for tests that check nothing private leaks. */
public final class PublicAnswers {

    private PublicAnswers() {
    }

    /** Every public answer that shows the request or its history: JSON and XML, with and without extensions. */
    public static List<String> about(TestRestTemplate http, String id) {
        List<String> answers = new ArrayList<>();
        for (String format : List.of("json", "xml")) {
            for (String extensions : List.of("false", "true")) {
                answers.add(http.getForObject("/open311/v2/requests/{id}." + format + "?extensions=" + extensions,
                        String.class, id));
                answers.add(http.getForObject("/open311/v2/requests." + format + "?service_request_id={id}&extensions="
                        + extensions, String.class, id));
            }
            String updates = http.getForObject("/open311/v2/servicerequestupdates." + format, String.class);
            assertThat(updates).contains(id);
            answers.add(updates);
        }
        return answers;
    }

    /** The staff-only notes on the request, oldest first. */
    public static List<String> staffNotes(ServiceRequests requests, String id) {
        return requests.staffNotes(requests.find(id).orElseThrow().id()).stream().map(StaffNote::body).toList();
    }
}
