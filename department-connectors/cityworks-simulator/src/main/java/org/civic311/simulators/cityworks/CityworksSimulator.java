package org.civic311.simulators.cityworks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.civic311.simulators.kit.Outage;
import org.civic311.simulators.kit.SimulatorClock;
import org.civic311.simulators.kit.StaffAtWork;

/**
 * The simulated Cityworks site: all of its state, in memory, plus the handles tests and demos use to
 * drive it from Java, the way department staff and the network would. Thread-safe: HTTP calls and the
 * Java methods below take the same lock.
 *
 * <p>{@link #reset()} empties the site but ids keep counting up, so a request id remembered from before
 * a reset never finds a different request afterwards.
 */
public final class CityworksSimulator {

    private final Object lock = new Object();
    private final String staffName;
    private final CityworksSimulatorProperties properties;

    final SimulatorClock clock = new SimulatorClock();
    final CityworksDateFormat dates;
    final Tokens tokens = new Tokens(clock);
    final Outage faults = new Outage();
    final WebhookNotifier webhooks;
    final ServiceRequests requests;
    final WorkOrders workOrders;
    final Comments comments = new Comments(clock);
    private final StaffAtWork staff;
    private final Map<String, AtomicInteger> callsByService = new ConcurrentHashMap<>();
    /** The problem types the site was configured with; {@link #reset()} drops the ones added since. */
    private final List<CityworksSimulatorProperties.ProblemType> configuredProblems;

    CityworksSimulator(CityworksSimulatorProperties properties, ObjectMapper json) {
        this.staffName = properties.staffName();
        this.properties = properties;
        this.configuredProblems = List.copyOf(properties.problems());
        this.dates = new CityworksDateFormat(properties.zone());
        this.webhooks = new WebhookNotifier(properties.webhook(), dates, json);
        this.staff = new StaffAtWork(properties.staffFinishAfter(), "cityworks");
        this.requests = new ServiceRequests(clock, webhooks, id -> staff.arrived(() -> closeIfOpen(id)));
        this.workOrders = new WorkOrders(clock, webhooks);
    }

    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    // --- Service requests, as department staff see them in Cityworks ---------------------------------

    public Optional<CityworksRequest> request(long requestId) {
        return locked(() -> requests.find(requestId).map(this::snapshot));
    }

    public List<CityworksRequest> requests() {
        return locked(() -> requests.all().map(this::snapshot).toList());
    }

    /** Every request carrying that OtherSystemId: more than one means a client created a duplicate. */
    public List<CityworksRequest> requestsWithOtherSystemId(String otherSystemId) {
        return locked(() -> requests.all()
                .filter(request -> otherSystemId.equals(request.otherSystemId))
                .map(this::snapshot)
                .toList());
    }

    /**
     * Staff close the request with a resolution; it fires the RequestClosed webhook like an API close.
     *
     * @throws IllegalArgumentException for an unknown request
     * @throws IllegalStateException    when it is already closed or canceled
     */
    public CityworksRequest closeRequest(long requestId, String resolution) {
        return locked(() -> {
            StoredRequest request = openRequest(requestId, "closed");
            requests.close(List.of(request), staffName, resolution);
            return snapshot(request);
        });
    }

    /** Staff playing the department close what they were given (civic311.simulators.cityworks.staff-finish-after). */
    private void closeIfOpen(long requestId) {
        locked(() -> {
            requests.find(requestId).filter(StoredRequest::isOpen).ifPresent(request ->
                    requests.close(List.of(request), staffName, "Done by the simulated crew."));
            return null;
        });
    }

    /** How many requests the simulated staff closed by themselves. */
    public int finishedByStaff() {
        return staff.finished();
    }

    /**
     * A busy day: staff file {@code count} requests of their own (no OtherSystemId) of that problem type and close
     * them at once, all at the server's present time.
     *
     * @throws IllegalArgumentException for a problem type the site does not have
     */
    public void fileAndCloseStaffRequests(int count, long problemSid) {
        CityworksSimulatorProperties.ProblemType problem = properties.problems().stream()
                .filter(p -> p.problemSid() == problemSid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No problem type " + problemSid));
        locked(() -> {
            for (int i = 0; i < count; i++) {
                requests.close(List.of(requests.create(problem, clock.now(), staffName)), staffName, null);
            }
            return null;
        });
    }

    /** Staff cancel the request. Same failures as {@link #closeRequest}. */
    public CityworksRequest cancelRequest(long requestId, String reason) {
        return locked(() -> {
            StoredRequest request = openRequest(requestId, "canceled");
            requests.cancel(List.of(request), staffName, null, reason);
            return snapshot(request);
        });
    }

    /** Staff move the request to another status code, e.g. {@code INPROG}; it stays open. */
    public CityworksRequest setRequestStatus(long requestId, String status) {
        return locked(() -> {
            StoredRequest request = knownRequest(requestId);
            request.status = status;
            return snapshot(request);
        });
    }

    public void addRequestComment(long requestId, String text) {
        locked(() -> comments.add(ActivityType.REQUEST, knownRequest(requestId).requestId, text, staffName));
    }

    // --- Work orders --------------------------------------------------------------------------------

    public Optional<CityworksWorkOrder> workOrder(String workOrderId) {
        return locked(() -> workOrders.find(workOrderId).map(this::snapshot));
    }

    public List<CityworksWorkOrder> workOrders() {
        return locked(() -> workOrders.all().map(this::snapshot).toList());
    }

    /** Staff close the work order; it fires the WorkOrderClosed webhook. Same failures as {@link #closeRequest}. */
    public CityworksWorkOrder closeWorkOrder(String workOrderId, String resolution) {
        return locked(() -> {
            StoredWorkOrder workOrder = knownWorkOrder(workOrderId);
            if (!workOrder.isOpen()) {
                throw new IllegalStateException("Work order " + workOrderId + " is " + workOrder.status
                        + " and cannot be closed.");
            }
            workOrders.close(List.of(workOrder), staffName, resolution);
            return snapshot(workOrder);
        });
    }

    public void addWorkOrderComment(String workOrderId, String text) {
        locked(() -> comments.add(ActivityType.WORK_ORDER, knownWorkOrder(workOrderId).workOrderSid, text, staffName));
    }

    // --- The site as a whole ---------------------------------------------------------------------------

    /**
     * The site's administrator adds a problem type: {@code ServiceRequest/Problems} lists it and Create takes it from
     * now on.
     */
    public void addProblemType(int problemSid, String problemCode, String description) {
        properties.problems().add(CityworksSimulatorProperties.ProblemType.of(problemSid, problemCode, description,
                "ADDED", "3"));
    }

    /**
     * Empties the site (requests, work orders, comments, tokens), drops added problem types, clears faults and
     * counters, resets the clock.
     */
    public void reset() {
        synchronized (lock) {
            properties.problems().retainAll(configuredProblems);
            requests.clear();
            workOrders.clear();
            comments.clear();
            tokens.clear();
            faults.reset();
            clock.reset();
            webhooks.resetCounters();
            callsByService.clear();
        }
    }

    /** Every token issued so far now answers Status 2, as after their lifetime; new logins still work. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** From now on every call answers HTTP 503 without being looked at, until {@link #comeBack()}. */
    public void goDown() {
        faults.goDown();
    }

    public void comeBack() {
        faults.comeBack();
    }

    public boolean isDown() {
        return faults.isDown();
    }

    /**
     * The next {@code creates} calls to a Create method (service request or work order) are carried out
     * in full, then answered with HTTP 502 instead of the envelope: the answer was lost on the way back.
     */
    public void loseNextResponses(int creates) {
        faults.loseNext(creates);
    }

    /** The simulated server's time (UTC, whole seconds), what it stamps on closes and compares in Search. */
    public Instant now() {
        return clock.now();
    }

    /** Moves the server's clock, e.g. to make "closed since" windows distinct without waiting. */
    public void shiftClock(Duration by) {
        clock.shift(by);
    }

    /** Sets the server's clock to {@code at}, from where it runs on, e.g. to close an item at a chosen moment. */
    public void setClockTo(Instant at) {
        clock.setTo(at);
    }

    /**
     * With {@code true}, until {@link #reset()}, the server stamps closes and cancels to the millisecond and Search
     * compares them so, as a site on SQL Server does; the dates it writes still show whole seconds.
     */
    public void keepFractionsOfSeconds(boolean keep) {
        clock.keepFractions(keep);
    }

    // --- Counters, for assertions (since the last reset) ----------------------------------------------------

    /** Service requests created, including those whose answer was lost. */
    public int serviceRequestsCreated() {
        return locked(requests::created);
    }

    public int workOrdersCreated() {
        return locked(workOrders::created);
    }

    /** Calls answered (not refused) to one service method, e.g. {@code Ams/ServiceRequest/Search}; any case. */
    public int callsTo(String service) {
        AtomicInteger calls = callsByService.get(service.toLowerCase(Locale.ROOT));
        return calls == null ? 0 : calls.get();
    }

    void called(String service) {
        callsByService.computeIfAbsent(service.toLowerCase(Locale.ROOT), s -> new AtomicInteger()).incrementAndGet();
    }

    /** Create answers replaced by HTTP 502. */
    public int responsesLost() {
        return faults.lost();
    }

    /** Calls answered HTTP 503 while down. */
    public int callsRefused() {
        return faults.refused();
    }

    public int webhooksDelivered() {
        return webhooks.delivered();
    }

    public int webhooksFailed() {
        return webhooks.failed();
    }

    private StoredRequest knownRequest(long requestId) {
        return requests.find(requestId)
                .orElseThrow(() -> new IllegalArgumentException("No service request " + requestId));
    }

    private StoredWorkOrder knownWorkOrder(String workOrderId) {
        return workOrders.find(workOrderId)
                .orElseThrow(() -> new IllegalArgumentException("No work order " + workOrderId));
    }

    private CityworksRequest snapshot(StoredRequest request) {
        return request.snapshot(comments.textsOn(ActivityType.REQUEST, request.requestId), dates);
    }

    private CityworksWorkOrder snapshot(StoredWorkOrder workOrder) {
        return workOrder.snapshot(comments.textsOn(ActivityType.WORK_ORDER, workOrder.workOrderSid), dates);
    }

    private StoredRequest openRequest(long requestId, String becoming) {
        StoredRequest request = knownRequest(requestId);
        if (!request.isOpen()) {
            throw new IllegalStateException("Service request " + requestId + " is " + request.status
                    + " and cannot be " + becoming + ".");
        }
        return request;
    }
}
