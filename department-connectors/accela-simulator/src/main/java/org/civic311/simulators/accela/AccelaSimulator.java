package org.civic311.simulators.accela;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The simulated Accela agency, for tests and the demo to drive from Java: play the code-enforcement
 * officer, look at records, expire tokens, and inject the failures a resilient client must survive.
 * <p>
 * Thread-safe. Requests keep being served while these methods run.
 */
public class AccelaSimulator {

    private final Records records;
    private final Tokens tokens;
    private final Faults faults;
    private final AnswerShapes shapes;
    private final ZoneId agencyZone;

    private final AgencyClock clock;

    AccelaSimulator(Records records, Tokens tokens, Faults faults, AnswerShapes shapes, AgencyClock clock) {
        this.clock = clock;
        this.agencyZone = clock.zone();
        this.records = records;
        this.tokens = tokens;
        this.faults = faults;
        this.shapes = shapes;
    }

    /**
     * Gives the record's active workflow task a status, as the officer would in Accela. A completing status
     * ("Violation Corrected", "No Violation Found" by default) completes the task; on the last task it closes
     * the record, with the record status, status type and closedDate the configuration names.
     *
     * @param recordId the record id (with or without the agency prefix) or its customId
     * @return the record afterwards
     * @throws IllegalArgumentException if there is no such record
     * @throws IllegalStateException    if the record has no active task (its workflow is finished)
     */
    public SimulatedRecord completeWorkflowTask(String recordId, String status, String comment) {
        try {
            return records.giveActiveTask(recordId, status, comment);
        } catch (AccelaApiException refused) {
            throw new IllegalArgumentException(refused.getMessage() + (refused.more == null ? "" : " " + refused.more), refused);
        }
    }

    /** The record with this id (with or without the agency prefix) or customId. */
    public Optional<SimulatedRecord> findRecord(String recordIdOrCustomId) {
        return records.snapshot(recordIdOrCustomId);
    }

    /** How many records the simulated staff finished by themselves (staff-finish-after). */
    public int finishedByStaff() {
        return records.finishedByStaff();
    }

    /** Every record, oldest first. */
    public List<SimulatedRecord> records() {
        return records.snapshots();
    }

    /**
     * Forgets every record and restarts numbering, clears injected faults and zeroes the counters, and stores full
     * status dates again.
     * Tokens survive, as they would an agency's data being reset: use {@link #expireAllTokens()} for those.
     */
    public void reset() {
        clock.setTo(null);
        records.reset();
        faults.reset();
        shapes.reset();
    }

    /**
     * Until {@link #reset()}, every date the agency answers (records, workflow tasks, comments) is written in this
     * shape: agency-local date and time (the default), the agency's day only, or a UTC instant. All three appear in
     * Accela's own examples.
     */
    public void answerDatesAs(AnswerShapes.DateShape shape) {
        shapes.dates(shape);
    }

    /**
     * Until {@link #reset()}, records carry their statusType in this shape: a string (the default), an array (as
     * recordModel declares it) or not at all (as the create response and GET /v4/records).
     */
    public void answerStatusTypeAs(AnswerShapes.StatusTypeShape shape) {
        shapes.statusTypes(shape);
    }

    /**
     * With {@code true}, until {@link #reset()}, the agency stores status dates without a time of day, as some do: a
     * record's statusDate (and closedDate, completeDate) is the midnight of the day it changed, in the agency's zone.
     */
    public void storeStatusDatesOnly(boolean datesOnly) {
        records.storeStatusDays(datesOnly ? agencyZone : null);
    }

    /**
     * Until {@link #reset()}, the agency stores status dates without a time of day, at midnight in its server's zone
     * rather than its own: a change on an agency day is dated that day's midnight in {@code serverZone}, which is a
     * time of day in the agency's (Accela's examples show such days as {@code …T07:00:00Z}).
     */
    public void storeStatusDaysAtMidnightIn(ZoneId serverZone) {
        records.storeStatusDays(serverZone);
    }

    /** Every access token is expired from now on (token_expired); refresh tokens still work. */
    public void expireAccessTokens() {
        tokens.expireAccessTokens();
    }

    /** Every access token and every refresh token is expired: clients must log in again with the password grant. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** From now until {@link #comeBack()}, every request, the token endpoint included, answers HTTP 503. */
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
     * The next {@code count} successful record creations are committed, but their callers get HTTP 502 from
     * the gateway instead of the response: the client cannot tell whether the record exists.
     */
    public void loseNextResponses(int count) {
        faults.loseNext(count);
    }

    /**
     * From now until {@link #reset()} or {@code agencyScriptRejectsNewRecords(null)}, the agency's
     * ApplicationSubmitBefore script rejects every valid Create Record request with this message: HTTP 500
     * {@code emse_error}, nothing saved.
     * An agency's script does this for a record it finds incomplete, e.g. without a parcel; every retry meets it again.
     */
    public void agencyScriptRejectsNewRecords(String message) {
        faults.submitScriptRefuses(message);
    }

    /**
     * Until {@link #reset()} or {@code setClockTo(null)}, the agency's clock reads {@code at} now and runs on from
     * there: what the officer does is dated then, e.g. in the hour repeated when the agency's clocks go back.
     */
    public void setClockTo(Instant at) {
        clock.setTo(at);
    }

    /**
     * Until {@link #reset()} or {@code commentsFailWith(null)}, every comment posted fails as its item of the
     * multi-result answer (HTTP 200, {@code isSuccess: false}) with this code, e.g. {@code internal_error} (a
     * passing fault) or {@code data_validation_error}; nothing is added.
     */
    public void commentsFailWith(String code) {
        faults.commentsFailWith(code);
    }

    /**
     * Until {@link #reset()}, a record search by {@code shortNotes} also finds every record whose short notes start
     * with the value, as a search that matches text loosely would: a client must not page through them all.
     */
    public void matchShortNotesLoosely(boolean loose) {
        faults.matchShortNotesLoosely(loose);
    }

    /** Record searches ({@code POST /v4/search/records}) served since the last reset, each page one. */
    public int searchesServed() {
        return faults.searchesServed();
    }

    /** Reads of a record's workflow tasks or its comments ({@code GET /v4/records/{id}/workflowTasks|comments}). */
    public int recordDetailsReads() {
        return faults.recordDetailsReads();
    }

    /** Records created since the last reset, including those whose response was lost. */
    public int recordsCreated() {
        return records.created();
    }

    /** Responses lost by {@link #loseNextResponses(int)} since the last reset. */
    public int responsesLost() {
        return faults.lost();
    }

    /** Requests answered 503 while down, since the last reset. */
    public int requestsRefused() {
        return faults.refused();
    }
}
