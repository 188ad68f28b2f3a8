package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.civic311.simulators.kit.SimulatorClock;
import org.civic311.simulators.cityworks.CityworksSimulatorProperties.ProblemType;

/** {@code Ams/ServiceRequest}: the problem catalogue and the request lifecycle. */
final class ServiceRequestApi {

    private final ServiceRequests requests;
    private final WorkOrders workOrders;
    private final Comments comments;
    private final SimulatorClock clock;
    private final CityworksSimulatorProperties properties;
    private final CityworksDateFormat dates;

    ServiceRequestApi(ServiceRequests requests, WorkOrders workOrders, Comments comments, SimulatorClock clock,
                      CityworksSimulatorProperties properties, CityworksDateFormat dates) {
        this.dates = dates;
        this.requests = requests;
        this.workOrders = workOrders;
        this.comments = comments;
        this.clock = clock;
        this.properties = properties;
    }

    /** {@code Problems {ForPublicOnly?, DomainId?, DomainIds?}} → ProblemName[]. */
    Object problems(Call call) {
        boolean publicOnly = call.data.flag("ForPublicOnly").orElse(false);
        Optional<Long> domainId = call.data.number("DomainId");
        List<Long> domainIds = call.data.numbers("DomainIds");
        return properties.problems().stream()
                .filter(problem -> !publicOnly || problem.forPublicSite())
                .filter(problem -> domainId.map(id -> id == problem.domainId()).orElse(true))
                .filter(problem -> domainIds.isEmpty() || domainIds.contains((long) problem.domainId()))
                .map(ServiceRequestApi::problemName)
                .toList();
    }

    /** {@code ProblemLeafBySid {ProblemSid}} → ProblemLeafBase. */
    Object problemLeafBySid(Call call) {
        long problemSid = call.data.requiredNumber("ProblemSid");
        return problemLeaf(problem(problemSid).orElseThrow(() -> CityworksFault.notFound("Problem " + problemSid)));
    }

    /** {@code Create {ProblemSid, ...}} → RequestBase. Everything is checked before the row is written. */
    Object create(Call call) {
        DataParameter data = call.data;
        long problemSid = data.requiredNumber("ProblemSid");
        ProblemType problem = problem(problemSid).orElseThrow(
                () -> CityworksFault.invalidField("ProblemSid", problemSid + " is not a problem type."));
        FieldLengths.check(data, "OtherSystemId", FieldLengths.OTHER_SYSTEM_ID);
        FieldLengths.checkUserTexts(data);
        Instant dateTimeInit = data.date("DateTimeInit").orElseGet(clock::now);
        Map<String, Object> echoed = new HashMap<>();
        EchoedFields.copy(EchoedFields.REQUEST_CREATE, data, echoed);
        Map<String, String> caller = callerFields(data);
        Optional<String> details = data.text("Details");
        Optional<String> otherSystemId = data.text("OtherSystemId");
        Optional<String> initiatedByApp = data.text("InitiatedByApp");
        Optional<String> status = data.text("Status").filter(text -> !text.isBlank());
        Optional<String> priority = data.text("Priority");
        Optional<String> comment = data.text("Comments").filter(text -> !text.isBlank());

        StoredRequest request = requests.create(problem, dateTimeInit, call.login);
        request.echoed.putAll(echoed);
        request.caller.putAll(caller);
        request.details = details.orElse(null);
        request.otherSystemId = otherSystemId.orElse(null);
        request.initiatedByApp = initiatedByApp.orElse(null);
        request.coordinatesWkid = SpatialReference.of(data, properties.spatialReference());
        status.ifPresent(text -> request.status = text);
        priority.ifPresent(text -> request.priority = text);
        comment.ifPresent(text -> comments.add(ActivityType.REQUEST, request.requestId, text, call.login));
        return request.toRequestBase(dates);
    }

    /** {@code ById {RequestId}} → RequestBase, or 35. */
    Object byId(Call call) {
        return existing(call.data.requiredNumber("RequestId")).toRequestBase(dates);
    }

    /** {@code ByIds {RequestIds}} → RequestBase[] of those found; each missing id is a warning (60). */
    Object byIds(Call call) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (long requestId : call.data.numbers("RequestIds")) {
            requests.find(requestId).ifPresentOrElse(request -> found.add(request.toRequestBase(dates)),
                    () -> call.warn(MessageCode.WARNING_ITEM_NOT_FOUND, "Service request " + requestId + " was not found."));
        }
        return found;
    }

    /**
     * {@code ByOtherSystemId {OtherSystemId}} → RequestBase. None found is a success with Value null and warning 60
     * (cw-sdk documents only WarningItemNotFound for it); of several, one is answered (see
     * {@link ServiceRequests#findByOtherSystemId}).
     */
    Object byOtherSystemId(Call call) {
        String otherSystemId = call.data.requiredText("OtherSystemId");
        Optional<StoredRequest> found = requests.findByOtherSystemId(otherSystemId);
        if (found.isEmpty()) {
            call.warn(MessageCode.WARNING_ITEM_NOT_FOUND, "Service request with OtherSystemId " + otherSystemId
                    + " was not found.");
            return null;
        }
        return found.get().toRequestBase(dates);
    }

    /** {@code Search {...}} → RequestIds only (number[]), oldest first; follow with ByIds. */
    Object search(Call call) {
        DataParameter data = call.data;
        Set<String> statuses = upperCase(data.texts("Status"));
        Optional<Boolean> closed = data.flag("Closed");
        Optional<Boolean> canceled = data.flag("Canceled");
        DateRange initiated = DateRange.of(data, "DateTimeInit");
        DateRange closedWhen = DateRange.of(data, "DateTimeClosed");
        DateRange canceledWhen = DateRange.of(data, "DateCancelled");
        List<String> otherSystemIds = data.texts("OtherSystemId");
        List<Long> problemSids = data.numbers("ProblemSid");
        Set<String> problemCodes = upperCase(data.texts("ProblemCode"));
        List<Long> requestIds = new ArrayList<>(data.numbers("RequestIds"));
        requestIds.addAll(data.numbers("RequestId"));
        long maxResults = Math.min(properties.searchCap(),
                data.number("MaxResults").filter(max -> max > 0).orElse((long) properties.searchMaxResults()));
        return requests.all()
                .filter(r -> statuses.isEmpty() || statuses.contains(r.status.toUpperCase(Locale.ROOT)))
                .filter(r -> closed.map(wanted -> wanted == r.closed).orElse(true))
                .filter(r -> canceled.map(wanted -> wanted == r.canceled).orElse(true))
                .filter(r -> initiated.contains(r.dateTimeInit))
                .filter(r -> closedWhen.contains(r.dateTimeClosed))
                .filter(r -> canceledWhen.contains(r.dateCancelled))
                .filter(r -> otherSystemIds.isEmpty() || otherSystemIds.contains(r.otherSystemId))
                .filter(r -> problemSids.isEmpty() || problemSids.contains((long) r.problemSid))
                .filter(r -> problemCodes.isEmpty() || problemCodes.contains(r.problemCode.toUpperCase(Locale.ROOT)))
                .filter(r -> requestIds.isEmpty() || requestIds.contains(r.requestId))
                .limit(maxResults)
                .map(r -> r.requestId)
                .toList();
    }

    /** {@code Close {RequestIds}} → RequestBase[] of those found (an unknown id is warning 60); see ServiceRequests. */
    Object close(Call call) {
        List<StoredRequest> toClose = found(call, "RequestIds");
        requests.close(toClose, call.login, null);
        return toClose.stream().map(request -> request.toRequestBase(dates)).toList();
    }

    /** {@code Cancel {RequestIds, CancelReason?, DateCancelled?}} → RequestBase[] of those found, as Close. */
    Object cancel(Call call) {
        Optional<Instant> dateCancelled = call.data.date("DateCancelled");
        String reason = call.data.text("CancelReason").orElse(null);
        List<StoredRequest> toCancel = found(call, "RequestIds");
        requests.cancel(toCancel, call.login, dateCancelled.orElse(null), reason);
        return toCancel.stream().map(request -> request.toRequestBase(dates)).toList();
    }

    /**
     * {@code Update {RequestId, Status?, Resolution?, Priority?, Details?, ...}} → RequestBase. Only what is
     * sent changes. A Status does not close the request: closing is Close's job, as in Cityworks. Moving a canceled
     * request to CLOSED is 31 ErrorStatusCantBeClosed, a closed one to CANCEL 32 ErrorStatusCantBeCanceled.
     */
    Object update(Call call) {
        DataParameter data = call.data;
        StoredRequest request = existing(data.requiredNumber("RequestId"));
        data.text("Status").ifPresent(status -> StatusChange.check("Service request " + request.requestId,
                request.closed, request.canceled, status));
        Map<String, Object> echoed = new HashMap<>();
        EchoedFields.copy(EchoedFields.REQUEST_UPDATE, data, echoed);
        Optional<String> status = data.text("Status").filter(text -> !text.isBlank());
        Optional<String> resolution = data.text("Resolution");
        Optional<String> priority = data.text("Priority");
        Optional<String> details = data.text("Details");
        Optional<String> otherSystemId = data.text("OtherSystemId");
        Optional<String> initiatedByApp = data.text("InitiatedByApp");
        Optional<String> comment = data.text("Comments").filter(text -> !text.isBlank());

        request.echoed.putAll(echoed);
        status.ifPresent(text -> request.status = text);
        resolution.ifPresent(text -> request.resolution = text);
        priority.ifPresent(text -> request.priority = text);
        details.ifPresent(text -> request.details = text);
        otherSystemId.ifPresent(text -> request.otherSystemId = text);
        initiatedByApp.ifPresent(text -> request.initiatedByApp = text);
        comment.ifPresent(text -> comments.add(ActivityType.REQUEST, request.requestId, text, call.login));
        return request.toRequestBase(dates);
    }

    /** {@code RequestWorkOrders {RequestIds}} → {@code [{RequestId, WorkOrderId, WorkOrderSid}]}. */
    Object requestWorkOrders(Call call) {
        List<Long> requestIds = call.data.numbers("RequestIds");
        return workOrders.all()
                .flatMap(workOrder -> workOrder.requestIds.stream().filter(requestIds::contains).map(requestId -> {
                    Map<String, Object> link = new LinkedHashMap<>();
                    link.put("RequestId", requestId);
                    link.put("WorkOrderId", workOrder.workOrderId);
                    link.put("WorkOrderSid", workOrder.workOrderSid);
                    return link;
                }))
                .toList();
    }

    private StoredRequest existing(long requestId) {
        return requests.find(requestId).orElseThrow(() -> CityworksFault.notFound("Service request " + requestId));
    }

    private List<StoredRequest> found(Call call, String field) {
        List<Long> ids = call.data.numbers(field);
        if (ids.isEmpty()) {
            throw CityworksFault.requiredField(field);
        }
        List<StoredRequest> found = new ArrayList<>();
        for (long requestId : ids) {
            requests.find(requestId).ifPresentOrElse(found::add, () -> call.warn(MessageCode.WARNING_ITEM_NOT_FOUND,
                    "Service request " + requestId + " was not found."));
        }
        return found;
    }

    private Optional<ProblemType> problem(long problemSid) {
        return properties.problems().stream().filter(problem -> problem.problemSid() == problemSid).findFirst();
    }

    // Cityworks files Caller* fields as a customer call on the request; RequestBase does not carry them.
    private static Map<String, String> callerFields(DataParameter data) {
        Map<String, String> caller = new LinkedHashMap<>();
        data.names().stream()
                .filter(name -> name.regionMatches(true, 0, "Caller", 0, "Caller".length()))
                .forEach(name -> data.text(name).ifPresent(value -> caller.put(name, value)));
        return caller;
    }

    private static Set<String> upperCase(List<String> values) {
        return values.stream().map(value -> value.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static Map<String, Object> problemName(ProblemType problem) {
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("ProblemSid", problem.problemSid());
        name.put("ProblemCode", problem.problemCode());
        name.put("Description", problem.description());
        name.put("DomainId", problem.domainId());
        name.put("OtherSysCode", null);
        name.put("OtherSysDesc1", null);
        name.put("OtherSysDesc2", null);
        return name;
    }

    private static Map<String, Object> problemLeaf(ProblemType problem) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("ProblemSid", problem.problemSid());
        leaf.put("ProblemCode", problem.problemCode());
        leaf.put("Description", problem.description());
        leaf.put("ProbCategory", problem.category());
        leaf.put("Priority", problem.priority());
        leaf.put("DomainId", problem.domainId());
        leaf.put("ForPublicSite", problem.forPublicSite());
        leaf.put("AutoClose", false);
        leaf.put("Cancel", false);
        leaf.put("SubmitTo", null);
        leaf.put("DispatchTo", null);
        return leaf;
    }
}
