package org.civic311.connectors.accela;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civic311.connectors.ConnectorException;
import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.DepartmentConnector;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.KnownWorkItems;
import org.civic311.connectors.PulledUpdates;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;

/**
 * Departments that work in Accela Civic Platform. Each task becomes one record of the record type the routing rules
 * gave as its work type, tagged with our task key in {@code shortNotes}; records that were closed, completed, voided
 * or taken in hand since the last poll come back as updates.
 */
public class AccelaConnector implements DepartmentConnector {

    static final String SYSTEM = "accela";

    /** Records per search page when polling; Accela allows up to 1000. */
    static final int PAGE_SIZE = 100;

    private static final Log log = LogFactory.getLog(AccelaConnector.class);

    private final AccelaConnectorProperties properties;
    private final AccelaClient client;
    private final AgencyTime time;
    private final AccelaStatuses statuses;
    private final RecordWorkUpdates updates;
    private final int pageSize;
    private final KnownWorkItems known;

    /** The status changes the last poll read, by {@link RecordWorkUpdates#changeId}, with what they meant. */
    private volatile Map<String, List<WorkUpdate>> readChanges = Map.of();

    /**
     * Makes no call to Accela, which may be down at start. The settings were checked when they were bound.
     *
     * @param known the records created for our tasks, by the ids Accela gave them: how a poll recognises a record
     *              whose tag a clerk or an agency script has overwritten
     */
    public AccelaConnector(AccelaConnectorProperties properties, KnownWorkItems known) {
        this(properties, known, PAGE_SIZE);
    }

    /** With only our tag in shortNotes to recognise our records by. */
    public AccelaConnector(AccelaConnectorProperties properties) {
        this(properties, KnownWorkItems.NONE);
    }

    AccelaConnector(AccelaConnectorProperties properties, KnownWorkItems known, int pageSize) {
        this.properties = properties;
        this.known = known;
        this.client = new AccelaClient(properties);
        this.time = new AgencyTime(properties.zone());
        this.statuses = new AccelaStatuses(properties.inProgressStatuses(), properties.statusTypeTable());
        this.updates = new RecordWorkUpdates(statuses, time);
        this.pageSize = pageSize;
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    /**
     * Finds the record an earlier attempt made for this task, or creates it; then makes sure its custom form holds
     * our fields. Every step can be repeated: a lost create response, or a custom form that failed after the record
     * was created, is finished by the retry rather than duplicated.
     */
    @Override
    public ExternalRef push(WorkOrder order) {
        WorkOrderRecord wanted = WorkOrderRecord.of(order, properties, time);
        Optional<JsonNode> earlier = findTagged(wanted);
        String recordId;
        if (earlier.isPresent()) {
            recordId = AccelaAnswer.text(earlier.get(), "id");
            log.info("Found Accela record " + recordId + " made for " + order.trackingNumber() + " (task "
                    + order.taskKey() + ") by an earlier attempt");
            if (!wanted.hasCustomForm(earlier.get())) {
                writeCustomForm(recordId, wanted, order);
            }
        } else {
            JsonNode created = client.createRecord(wanted.createBody());
            recordId = AccelaAnswer.text(created, "id");
            log.info("Created Accela record " + recordId + " (" + AccelaAnswer.text(created, "customId") + ", "
                    + wanted.recordType() + ") for " + order.trackingNumber() + " (task " + order.taskKey() + ")");
            writeCustomForm(recordId, wanted, order);
        }
        return new ExternalRef(SYSTEM, recordId);
    }

    /**
     * Withdraws the work: says why in a comment, then gives the record the agency's {@code cancel-status}. Safe to
     * repeat (a second comment says the same). Without a {@code cancel-status} Accela is left as it is.
     */
    @Override
    public boolean cancel(ExternalRef item, String reason) {
        if (!properties.cancels()) {
            return false;
        }
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        client.addComment(item.id(), CustomFieldFormat.text("Withdrawn by Civic311" + why));
        client.setStatus(item.id(), properties.cancelStatus().strip());
        log.info("Set Accela record " + item.id() + " to " + properties.cancelStatus().strip());
        return true;
    }

    /**
     * Our records whose status changed since the watermark and means something to the task: closed or completed,
     * voided or denied, or taken in hand. The search starts at the beginning of the agency-local day before the
     * watermark's: an agency that stores status dates without a time of day dates every change of a day at midnight,
     * in its own zone or its server's (written as a UTC instant, up to a day earlier than the agency's day), and would
     * otherwise hide each one behind the watermark. Of those changes, the ones dated to a moment before the watermark
     * were read by an earlier poll and are passed over; the ones dated to a day (or a time that may be a day's
     * midnight somewhere) are read again on every poll, and their update ids make them count once.
     */
    @Override
    public PulledUpdates pullUpdates(Instant since) {
        ObjectNode criteria = statusChangedSince(since);
        List<WorkUpdate> found = new ArrayList<>();
        Map<String, List<WorkUpdate>> read = new HashMap<>();
        int offset = 0;
        AccelaClient.RecordPage page;
        do {
            page = client.searchRecords(criteria, null, offset, pageSize);
            Set<String> createdForUs = createdForUs(page.records());
            for (JsonNode record : page.records()) {
                if (createdForUs.contains(AccelaAnswer.text(record, "id")) && !updates.readBefore(record, since)) {
                    updates.statusOf(record).ifPresent(status -> {
                        List<WorkUpdate> change = readOnce(record, status);
                        read.put(updates.changeId(record), change);
                        found.addAll(change);
                    });
                }
            }
            offset += page.records().size();
        } while (page.hasMore());
        // Only the changes still in the window are kept: the memory is as large as one poll's answer.
        readChanges = read;
        return PulledUpdates.all(found);
    }

    /**
     * The updates of one status change, its workflow tasks and comments read the first time this connector meets it.
     * A change dated to a day, not a moment, comes back on every poll until the window passes its day; reading its
     * details again each time would cost two calls per record and poll for what is already known.
     */
    private List<WorkUpdate> readOnce(JsonNode record, WorkStatus status) {
        List<WorkUpdate> known = readChanges.get(updates.changeId(record));
        return known != null ? known : read(record, status);
    }

    /**
     * Records whose status changed since then: of the status types that mean something to a task, unless the agency's
     * records come without a status type (a {@code status-types} table is configured), which such a filter would
     * leave out. Of every record type, since the routing rules may name a new one at any time; clerks' own records
     * come too, are not ours, and are left out afterwards, before anything more is asked about them.
     */
    private ObjectNode statusChangedSince(Instant since) {
        ObjectNode criteria = AccelaAnswer.JSON.createObjectNode();
        if (since != null) {
            criteria.put("statusDateFrom", time.format(time.startOfDay(since.minus(Duration.ofDays(1)))));
        }
        if (properties.agencySendsStatusType()) {
            ArrayNode statusTypes = criteria.putArray("statusTypes");
            statuses.statusTypesToPoll().forEach(statusTypes::add);
        }
        return criteria;
    }

    /**
     * The ids of the records that were created for our tasks: the ones the orchestrator holds the id of, whatever
     * their shortNotes say now, and the ones that still carry our tag (made by a push whose answer was lost, or not
     * yet recorded by the orchestrator).
     */
    private Set<String> createdForUs(List<JsonNode> records) {
        Set<String> ours = new HashSet<>();
        List<String> untagged = new ArrayList<>();
        for (JsonNode record : records) {
            String id = AccelaAnswer.text(record, "id");
            if (RecordTag.isOurs(AccelaAnswer.text(record, "shortNotes"))) {
                ours.add(id);
            } else if (id != null) {
                untagged.add(id);
            }
        }
        if (!untagged.isEmpty()) {
            ours.addAll(known.known(SYSTEM, untagged));
        }
        return ours;
    }

    private List<WorkUpdate> read(JsonNode record, WorkStatus status) {
        String recordId = AccelaAnswer.text(record, "id");
        return updates.read(record, status, client.workflowTasks(recordId), () -> client.comments(recordId));
    }

    /** How many records one tag search reads at most; Accela allows up to 1000 a page. */
    static final int TAG_SEARCH_LIMIT = 100;

    /**
     * How far back a tag search looks for a record whose create answer was lost. A push is retried within hours, or
     * when a person retries its incident; a record older than this is not looked for.
     */
    static final Duration LOST_RECORD_LOOK_BACK = Duration.ofDays(90);

    /**
     * The record an earlier attempt created for this task, if its create answer was lost; with its custom forms. One
     * page of records of the task's record type carrying our tag, opened in the last {@link #LOST_RECORD_LOOK_BACK},
     * newest first (a lost record was made by the last attempts), however many the agency holds. A server that
     * matches shortNotes loosely may fill the page with other records: then whether ours is among the rest is not
     * known, and the push fails to be retried rather than create a second record.
     */
    private Optional<JsonNode> findTagged(WorkOrderRecord wanted) {
        String tag = wanted.tag();
        ObjectNode criteria = AccelaAnswer.JSON.createObjectNode().put("shortNotes", tag);
        criteria.putObject("type").put("value", wanted.recordType());
        criteria.put("openedDateFrom", time.format(time.startOfDay(Instant.now().minus(LOST_RECORD_LOOK_BACK))));
        criteria.put("sort", "openedDate").put("direction", "DESC");
        AccelaClient.RecordPage page = client.searchRecords(criteria, "customForms", 0, TAG_SEARCH_LIMIT);
        List<JsonNode> tagged = page.records().stream()
                .filter(record -> tag.equals(AccelaAnswer.text(record, "shortNotes")))
                .toList();
        if (tagged.isEmpty() && page.hasMore()) {
            throw new ConnectorException("Accela answered a search for shortNotes " + tag + " with more than "
                    + TAG_SEARCH_LIMIT + " records, none of them tagged so: its search does not match shortNotes"
                    + " exactly, and whether an earlier attempt made a record is not known. Not creating one that may"
                    + " be a second; the push is retried");
        }
        if (tagged.size() > 1) {
            log.warn("Accela holds " + tagged.size() + " records tagged " + tag + "; using the newest, "
                    + AccelaAnswer.text(tagged.get(0), "id"));
        }
        return tagged.stream().findFirst();
    }

    private void writeCustomForm(String recordId, WorkOrderRecord wanted, WorkOrder order) {
        ArrayNode forms = wanted.customForms();
        if (forms.isEmpty()) {
            return;
        }
        try {
            client.putCustomForms(recordId, forms);
        } catch (ConnectorException e) {
            String failure = "Accela record " + recordId + " exists for " + order.trackingNumber() + " (task "
                    + order.taskKey() + ") but its custom form is not written; the retry finds the record and writes"
                    + " it. " + e.getMessage();
            throw e instanceof ConnectorRefusal ? new ConnectorRefusal(failure, e) : new ConnectorException(failure, e);
        }
    }

    /** Accela's token endpoint is reachable and logs the integration's user in. */
    @Override
    public void checkConnection() {
        client.checkLogin();
    }
}
