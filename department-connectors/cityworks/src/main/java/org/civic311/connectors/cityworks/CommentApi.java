package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;

/** {@code Ams/Comment}, raw: the comments staff write on requests and work orders. */
final class CommentApi {

    /** Comment ActivityType of a service request; its ActivitySid is the RequestId. */
    static final int REQUEST = 1;

    /** Comment ActivityType of a work order; its ActivitySid is the WorkOrderSid, not the WorkOrderId. */
    static final int WORK_ORDER = 2;

    private final CityworksClient client;
    private final CityworksDates dates;

    CommentApi(CityworksClient client, CityworksDates dates) {
        this.client = client;
        this.dates = dates;
    }

    /** The newest comment on each activity that has one, by ActivitySid; one call per batch. */
    Map<Long, Newest> latest(int activityType, List<Long> activitySids) {
        Map<Long, Newest> latest = new HashMap<>();
        for (int from = 0; from < activitySids.size(); from += ServiceRequestApi.BATCH) {
            List<Long> batch = activitySids.subList(from, Math.min(activitySids.size(), from + ServiceRequestApi.BATCH));
            JsonNode bySid = client.call("Ams/Comment/ByActivitySids",
                    Map.of("ActivityType", activityType, "ActivitySids", batch)).valueOrThrow();
            for (long sid : batch) {
                newest(bySid.path(String.valueOf(sid))).ifPresent(text -> latest.put(sid, text));
            }
        }
        return latest;
    }

    // Newest by DateCreated, then by CommentId: do not rely on the order the site lists them in.
    private Optional<Newest> newest(JsonNode comments) {
        return StreamSupport.stream(comments.spliterator(), false)
                .filter(comment -> !comment.path("Comments").asText("").isBlank())
                .max(Comparator.comparing(this::created).thenComparingLong(comment -> comment.path("CommentId").asLong()))
                .map(comment -> new Newest(comment.path("CommentId").asLong(), comment.path("Comments").asText().strip(),
                        dates.parse("DateCreated", RequestBase.text(comment, "DateCreated"))));
    }

    /**
     * The newest comment on an item. Comments are staff's internal remarks, not words for the resident: they are
     * reported as a {@link WorkStatus#COMMENT}, which Civic311 keeps for staff only.
     */
    record Newest(long commentId, String text, Instant created) {

        WorkUpdate asStaffComment(ExternalRef item, Instant fallback) {
            return new WorkUpdate(item, item.id() + ":comment:" + commentId, WorkStatus.COMMENT, text,
                    created != null ? created : fallback);
        }
    }

    private Instant created(JsonNode comment) {
        Instant created = dates.parse("DateCreated", RequestBase.text(comment, "DateCreated"));
        return created == null ? Instant.MIN : created;
    }
}
