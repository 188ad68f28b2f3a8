package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A comment on a request or work order. Comments are never edited here, so a record will do. */
record StoredComment(long commentId, ActivityType activityType, long activitySid, String comments,
                     String authorName, Instant dateCreated) {

    Map<String, Object> toCommentRecord(CityworksDateFormat dates) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("CommentId", commentId);
        record.put("ActivityType", activityType.code);
        record.put("ActivitySid", activitySid);
        record.put("Comments", comments);
        record.put("AuthorName", authorName);
        record.put("DateCreated", dates.format(dateCreated));
        record.put("LastModified", dates.format(dateCreated));
        record.put("LastModifiedByName", authorName);
        return record;
    }
}
