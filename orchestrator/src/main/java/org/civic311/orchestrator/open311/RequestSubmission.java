package org.civic311.orchestrator.open311;

import java.util.List;

import org.civic311.orchestrator.catalog.RequestTypes;
import org.civic311.orchestrator.notification.NoticeLanguages;
import org.civic311.orchestrator.request.NewServiceRequest;
import org.civic311.orchestrator.request.RequestIntake;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.SubmissionKey;
import org.civic311.orchestrator.request.SubmissionKeyReused;
import org.civic311.orchestrator.sms.PhoneNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST requests}: the key first, then the form, then intake, once per {@code Idempotency-Key}. A refused
 * request leaves nothing behind.
 */
@Component
class RequestSubmission {

    private final ApiKeys apiKeys;
    private final RequestTypes requestTypes;
    private final RequestIntake intake;
    private final PhoneNumbers phoneNumbers;
    private final NoticeLanguages languages;

    RequestSubmission(ApiKeys apiKeys, RequestTypes requestTypes, RequestIntake intake, PhoneNumbers phoneNumbers,
            NoticeLanguages languages) {
        this.apiKeys = apiKeys;
        this.requestTypes = requestTypes;
        this.intake = intake;
        this.phoneNumbers = phoneNumbers;
        this.languages = languages;
    }

    /**
     * In one transaction from the form's look-ups to the stored request: the request type looked up on its own would
     * be a transaction of its own, three more round trips to the database on every report.
     *
     * @param idempotencyKey the {@code Idempotency-Key} header; null when the client sent none
     * @param acceptLanguage the {@code Accept-Language} header; null when the client sent none
     */
    @Transactional
    Open311Body submit(MultiValueMap<String, String> form, String idempotencyKey, String acceptLanguage) {
        Arguments args = new Arguments(form);
        String apiKey = args.value("api_key");
        String channel = apiKeys.channelOf(apiKey);
        SubmissionKey key = IdempotencyKeyHeader.read(idempotencyKey, apiKey, args);
        NewServiceRequest request = new RequestForm(args, phoneNumbers).read(channel, requestTypes, languages, acceptLanguage);
        ServiceRequest stored;
        try {
            stored = key == null ? intake.submit(request) : intake.submit(request, key);
        } catch (SubmissionKeyReused e) {
            throw Open311Exception.of(HttpStatus.UNPROCESSABLE_ENTITY, IdempotencyKeyHeader.NAME + " '" + key.key()
                    + "' was already used for a different request. Send a new key with a new request.");
        }
        return new Open311Body("service_requests", List.of(
                new Submitted(stored.trackingNumber(), stored.serviceNotice(), stored.resident().accountId())));
    }
}
