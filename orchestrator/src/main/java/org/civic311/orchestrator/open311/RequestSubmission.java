package org.civic311.orchestrator.open311;

import java.util.List;

import org.civic311.orchestrator.catalog.RequestTypes;
import org.civic311.orchestrator.request.RequestIntake;
import org.civic311.orchestrator.request.ServiceRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** {@code POST requests}: the key first, then the form, then intake. A refused request leaves nothing behind. */
@Component
class RequestSubmission {

    private final ApiKeys apiKeys;
    private final RequestTypes requestTypes;
    private final RequestIntake intake;

    RequestSubmission(ApiKeys apiKeys, RequestTypes requestTypes, RequestIntake intake) {
        this.apiKeys = apiKeys;
        this.requestTypes = requestTypes;
        this.intake = intake;
    }

    Open311Body submit(MultiValueMap<String, String> form) {
        Arguments args = new Arguments(form);
        String channel = apiKeys.channelOf(args.value("api_key"));
        ServiceRequest stored = intake.submit(new RequestForm(args).read(channel, requestTypes));
        return new Open311Body("service_requests", List.of(
                new Submitted(stored.trackingNumber(), stored.serviceNotice(), stored.resident().accountId())));
    }
}
