package org.civic311.simulators.cityworks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Ams/Comment}: comments on requests (ActivityType 1) and work orders (ActivityType 2). */
final class CommentApi {

    private final Comments comments;
    private final ServiceRequests requests;
    private final WorkOrders workOrders;

    CommentApi(Comments comments, ServiceRequests requests, WorkOrders workOrders) {
        this.comments = comments;
        this.requests = requests;
        this.workOrders = workOrders;
    }

    /**
     * {@code Add {ActivityType, ActivitySid, Comments}} → CommentRecord. A request's sid is its RequestId; a
     * work order's is its WorkOrderSid (its string WorkOrderId may come as ActivityId instead).
     */
    Object add(Call call) {
        DataParameter data = call.data;
        ActivityType type = activityType(data);
        String text = data.requiredText("Comments");
        long activitySid = switch (type) {
            case REQUEST -> existingRequest(data.requiredNumber("ActivitySid"));
            case WORK_ORDER -> existingWorkOrder(data);
        };
        return comments.add(type, activitySid, text, call.login).toCommentRecord(call.data.dates());
    }

    /** {@code ByActivitySids {ActivityType, ActivitySids}} → {@code {"<sid>": [CommentRecord...]}}. */
    Object byActivitySids(Call call) {
        ActivityType type = activityType(call.data);
        Map<String, List<Map<String, Object>>> bySid = new LinkedHashMap<>();
        for (long sid : call.data.numbers("ActivitySids")) {
            bySid.put(String.valueOf(sid), comments.on(type, sid).stream().map(comment -> comment.toCommentRecord(call.data.dates())).toList());
        }
        return bySid;
    }

    private static ActivityType activityType(DataParameter data) {
        long code = data.requiredNumber("ActivityType");
        return ActivityType.of(code).orElseThrow(
                () -> CityworksFault.invalidField("ActivityType", code + " is not supported; use 1 (Request) or 2 (WorkOrder)."));
    }

    private long existingRequest(long requestId) {
        return requests.find(requestId).orElseThrow(() -> CityworksFault.notFound("Service request " + requestId)).requestId;
    }

    private long existingWorkOrder(DataParameter data) {
        if (data.has("ActivitySid")) {
            long sid = data.requiredNumber("ActivitySid");
            return workOrders.findBySid(sid).orElseThrow(() -> CityworksFault.notFound("Work order with sid " + sid)).workOrderSid;
        }
        String workOrderId = data.text("ActivityId").filter(id -> !id.isBlank())
                .orElseThrow(() -> CityworksFault.requiredField("ActivitySid"));
        return workOrders.find(workOrderId).orElseThrow(() -> CityworksFault.notFound("Work order " + workOrderId)).workOrderSid;
    }
}
