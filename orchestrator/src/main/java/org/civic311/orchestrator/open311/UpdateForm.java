package org.civic311.orchestrator.open311;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The form of FixMyStreet's {@code POST servicerequestupdates}: a resident's comment on a request. The
 * commenter's name and contact details are not kept, and the status the client sends changes nothing: only the
 * city moves a request on.
 */
final class UpdateForm {

    /** The note column's size: the comment and its photo links together. */
    static final int MAX_TEXT = 4000;

    /** FixMyStreet's statuses, which it sends in upper case. */
    static final Set<String> STATUSES = Set.of("OPEN", "CLOSED", "FIXED", "IN_PROGRESS", "ACTION_SCHEDULED",
            "INVESTIGATING", "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL",
            "REOPEN", "FOR_TRIAGE");

    private final Arguments args;
    private final W3cTime time;
    private final int maxComment;

    /** @param maxComment how long the comment itself may be; with its photo links, it fits {@link #MAX_TEXT} */
    UpdateForm(Arguments args, W3cTime time, int maxComment) {
        this.args = args;
        this.time = time;
        this.maxComment = Math.min(maxComment, MAX_TEXT);
    }

    /** @param updateId the client's own id of the comment, what makes sending it again harmless */
    record Comment(String serviceRequestId, String updateId, String text) {
    }

    Comment read() {
        String serviceRequestId = args.value("service_request_id");
        if (serviceRequestId == null) {
            args.error("service_request_id is required.");
        }
        // FixMyStreet sends its comment's id as update_id, or as update_id_ext in its extended mode.
        String updateId = args.value("update_id") != null ? args.text("update_id", 255) : args.text("update_id_ext", 255);
        if (updateId == null) {
            args.error("update_id is required.");
        }
        String description = args.text("description", maxComment);
        if (description == null) {
            args.error("description is required.");
        }
        String status = args.value("status");
        if (status != null && !STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
            args.error("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()) + ".");
        }
        args.datetime("updated_datetime", time);
        List<String> photos = Stream.concat(args.webUrls("media_url", 2000).stream(),
                args.webUrls("media_url[]", 2000).stream()).distinct().toList();
        StringBuilder text = new StringBuilder(description == null ? "" : description);
        photos.forEach(url -> text.append("\n\nPhoto: ").append(url));
        if (text.length() > MAX_TEXT) {
            args.error("description and media_url together may be at most " + MAX_TEXT + " characters.");
        }
        args.rejectIfInvalid();
        return new Comment(serviceRequestId, updateId, text.toString());
    }
}
