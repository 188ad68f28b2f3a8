package org.civic311.orchestrator.open311;

import java.time.Clock;
import java.util.List;

import org.civic311.orchestrator.notification.NoticeLanguages;
import org.civic311.orchestrator.request.Followers;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.civic311.orchestrator.sms.PhoneNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * {@code POST requests/{id}/followers}: a resident who would report a problem already reported follows that request
 * instead, and hears when it is closed. The same api_key rules as {@code POST requests}; the same contact fields
 * (email, phone, language, notify). A refused follow stores nothing.
 */
@Component
class FollowSubmission {

    private final ApiKeys apiKeys;
    private final ServiceRequests requests;
    private final Followers followers;
    private final PhoneNumbers phoneNumbers;
    private final NoticeLanguages languages;
    private final Clock clock;

    FollowSubmission(ApiKeys apiKeys, ServiceRequests requests, Followers followers, PhoneNumbers phoneNumbers,
                     NoticeLanguages languages, Clock clock) {
        this.apiKeys = apiKeys;
        this.requests = requests;
        this.followers = followers;
        this.phoneNumbers = phoneNumbers;
        this.languages = languages;
        this.clock = clock;
    }

    Open311Body follow(String trackingNumber, MultiValueMap<String, String> form, String acceptLanguage) {
        Arguments args = new Arguments(form);
        String channel = apiKeys.channelOf(args.value("api_key"));
        ServiceRequest request = requests.find(trackingNumber).orElseThrow(() -> Open311Exception.of(
                HttpStatus.NOT_FOUND, "No service request " + trackingNumber + "."));
        if (request.status() == RequestStatus.CLOSED) {
            throw Open311Exception.of(HttpStatus.BAD_REQUEST, trackingNumber + " is closed: only an open request can"
                    + " be followed. Report the problem anew if it is back.");
        }
        RequestForm.FollowerContact contact = new RequestForm(args, phoneNumbers).readFollower(languages, acceptLanguage);
        followers.add(request.id(), contact.email(), contact.phone(), contact.notices(), channel, clock.instant());
        return new Open311Body("service_requests", List.of(new Submitted(request.trackingNumber(),
                "You will hear when " + request.trackingNumber() + " is closed.", null)));
    }
}
