package org.civic311.orchestrator.open311;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.civic311.orchestrator.request.PublicRequests;
import org.civic311.orchestrator.request.RequestClosed;
import org.civic311.orchestrator.request.ResidentComments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * FixMyStreet's servicerequestupdates extension: front ends follow what happens to requests, and add their
 * residents' comments to them.
 */
@Component
class RequestUpdates {

    private final PublicRequests requests;
    private final ResidentComments comments;
    private final ApiKeys apiKeys;
    private final W3cTime time;
    private final Clock clock;
    private final int maxComment;

    RequestUpdates(PublicRequests requests, ResidentComments comments, ApiKeys apiKeys, W3cTime time, Clock clock,
                   Open311Properties settings) {
        this.requests = requests;
        this.comments = comments;
        this.apiKeys = apiKeys;
        this.time = time;
        this.clock = clock;
        this.maxComment = settings.commentMaxLength();
    }

    /** The updates of a window of at most 90 days (the last 90 by default), newest first, 1,000 a page. */
    Open311Body list(MultiValueMap<String, String> arguments) {
        Arguments args = new Arguments(arguments);
        Arguments.Window window = args.window("start_date", "end_date", RequestSearchForm.MAX_SPAN, time);
        Instant now = clock.instant();
        if (window == null) {
            window = new Arguments.Window(now.minus(RequestSearchForm.MAX_SPAN), now);
        }
        int pageSize = args.whole("page_size", 1, RequestSearchForm.MAX_RESULTS, RequestSearchForm.MAX_RESULTS);
        int page = args.whole("page", 1, Integer.MAX_VALUE / RequestSearchForm.MAX_RESULTS, 1);
        args.rejectIfInvalid();
        return new Open311Body("service_request_updates", requests.updates(window.from(), window.to(),
                (page - 1) * pageSize, pageSize).stream().map(u -> RequestUpdate.of(u, time)).toList());
    }

    /** A resident's comment on an open request, kept once per client update_id; needs the client's api_key. */
    Open311Body post(MultiValueMap<String, String> form) {
        Arguments args = new Arguments(form);
        String channel = apiKeys.channelOf(args.value("api_key"));
        UpdateForm.Comment comment = new UpdateForm(args, time, maxComment).read();
        long noteId;
        try {
            noteId = comments.add(comment.serviceRequestId(), channel, comment.updateId(), comment.text())
                    .orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND,
                            "No service request " + comment.serviceRequestId() + "."));
        } catch (RequestClosed e) {
            throw Open311Exception.of(HttpStatus.BAD_REQUEST, "Service request " + comment.serviceRequestId()
                    + " is closed; comments are taken on open requests only.");
        }
        return new Open311Body("service_request_updates", List.of(new UpdateReceipt(String.valueOf(noteId))));
    }
}
