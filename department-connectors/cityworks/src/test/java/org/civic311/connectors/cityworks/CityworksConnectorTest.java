package org.civic311.connectors.cityworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civic311.connectors.ConnectorRefusal;
import org.civic311.connectors.ExternalRef;
import org.civic311.connectors.WorkOrder;
import org.civic311.connectors.WorkStatus;
import org.civic311.connectors.WorkUpdate;
import org.civic311.simulators.cityworks.CityworksRequest;
import org.civic311.simulators.cityworks.CityworksSimulator;
import org.civic311.simulators.cityworks.CityworksWorkOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What department staff find in Cityworks, and what comes back to Civic311 when they finish. */
@SimulatedCityworks
class CityworksConnectorTest {

    @LocalServerPort
    int port;

    @Autowired
    CityworksSimulator simulator;

    CityworksConnector connector;

    @BeforeEach
    void emptySite() {
        simulator.reset();
        connector = new CityworksConnector(TestSite.properties(port));
    }

    @Test
    void aDamagedTreeBecomesATreeServiceRequestTheClerkCanWorkFrom() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900001", TestSite.URBAN_FORESTRY));

        assertThat(ref.system()).isEqualTo("cityworks");
        assertThat(ref.id()).matches("SR:\\d+");
        CityworksRequest request = simulator.request(TestSite.requestId(ref)).orElseThrow();
        assertThat(request.problemCode()).isEqualTo("TREE DAMAGED");
        assertThat(request.otherSystemId()).isEqualTo("900001");
        Map<String, Object> base = request.requestBase();
        assertThat(base).containsEntry("ProblemSid", 102)
                .containsEntry("ProbAddress", "121 N LaSalle St")
                .containsEntry("ProbZip", "60602")
                .containsEntry("SRX", -87.6324)
                .containsEntry("SRY", 41.8837)
                .containsEntry("InitiatedByApp", "Civic311");
        assertThat((String) base.get("Details"))
                .startsWith("[SR-2026-900001] Damaged tree (damaged_tree)\nLarge limb hanging over the sidewalk\n")
                .contains("Where: 121 N LaSalle St", "Latitude, longitude: 41.8837, -87.6324", "hazard: yes",
                        "tree_size: large", "Priority: P2", "Due: Wed 25 Nov 2026, 23:00 UTC",
                        "Photo: https://photos.example.org/tree.jpg", "Civic311 task 900001")
                .as("the caller's contact details stay in the caller fields")
                .doesNotContain("jane@example.org", "312-555-0100");
        assertThat(request.caller())
                .containsEntry("CallerFirstName", "Jane")
                .containsEntry("CallerLastName", "Resident")
                .containsEntry("CallerEmail", "jane@example.org")
                .containsEntry("CallerHomePhone", "312-555-0100");
    }

    @Test
    void eachProblemCodeTheRulesGiveIsFiledUnderItsOwnProblemTypeWhateverItsCase() {
        ExternalRef down = connector.push(TestSite.damagedTree("900002", TestSite.URBAN_FORESTRY, "Tree Down"));
        ExternalRef damaged = connector.push(TestSite.damagedTree("900024", TestSite.URBAN_FORESTRY));

        assertThat(simulator.request(TestSite.requestId(down)).orElseThrow().problemCode()).isEqualTo("TREE DOWN");
        assertThat(simulator.request(TestSite.requestId(damaged)).orElseThrow().requestBase())
                .containsEntry("ProblemSid", 102);
        assertThat(simulator.callsTo("Ams/ServiceRequest/Problems")).as("problem types read once for both").isEqualTo(1);
    }

    @Test
    void aProblemTypeAddedOnTheSiteIsUsedAtOnceWithoutARestart() {
        connector.push(TestSite.damagedTree("900025", TestSite.URBAN_FORESTRY));
        simulator.addProblemType(109, "TREE ROOTS", "Tree roots lifting the sidewalk");

        ExternalRef roots = connector.push(TestSite.damagedTree("900026", TestSite.URBAN_FORESTRY, "TREE ROOTS"));

        assertThat(simulator.request(TestSite.requestId(roots)).orElseThrow().requestBase())
                .containsEntry("ProblemSid", 109);
        assertThat(simulator.callsTo("Ams/ServiceRequest/Problems")).as("read again on the miss").isEqualTo(2);
    }

    @Test
    void aWorkOrderDepartmentGetsAWorkOrderFromTheTemplateWithTheTaskIdInText1() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900003", TestSite.STREET_CREWS));

        assertThat(ref.id()).startsWith("WO:");
        CityworksWorkOrder workOrder = simulator.workOrder(TestSite.workOrderId(ref)).orElseThrow();
        assertThat(workOrder.woTemplateId()).isEqualTo("2003");
        assertThat(workOrder.workOrderBase())
                .containsEntry("Description", "Tree pruning")
                .containsEntry("ApplyToEntity", "STREET")
                .containsEntry("Text1", "900003")
                .containsEntry("WOAddress", "121 N LaSalle St")
                .containsEntry("WOXCoordinate", -87.6324)
                .containsEntry("WOYCoordinate", 41.8837);
        assertThat(workOrder.instructions())
                .startsWith("[SR-2026-900003] Damaged tree (damaged_tree)")
                .contains("Large limb hanging over the sidewalk", "Due: Wed 25 Nov 2026, 23:00 UTC");
    }

    @Test
    void aClosureComesBackWithTheResolutionAndTheSameUpdateIdOnEveryPoll() {
        Instant since = TestSite.aMinuteAgo();
        ExternalRef ref = connector.push(TestSite.damagedTree("900004", TestSite.URBAN_FORESTRY));
        CityworksRequest closed = simulator.closeRequest(TestSite.requestId(ref), "Removed the hanging limb");

        WorkUpdate first = only(connector.pullUpdates(since).updates(), ref);
        WorkUpdate second = only(connector.pullUpdates(since).updates(), ref);

        assertThat(first.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(first.note()).isEqualTo("Removed the hanging limb");
        assertThat(first.at()).isEqualTo(closed.dateTimeClosed());
        assertThat(first.updateId()).isEqualTo(ref.id() + ":closed:" + closed.dateTimeClosed());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theNewestInternalCommentComesAsAStaffCommentNeverAsTheResolution() {
        Instant since = TestSite.aMinuteAgo();
        ExternalRef ref = connector.push(TestSite.damagedTree("900005", TestSite.URBAN_FORESTRY));
        long requestId = TestSite.requestId(ref);
        simulator.addRequestComment(requestId, "Crew on site");
        simulator.addRequestComment(requestId, "Owner at 312-555-0142 wants the wood");
        simulator.closeRequest(requestId, null);

        List<WorkUpdate> updates = connector.pullUpdates(since).updates();

        assertThat(only(updates, ref, WorkStatus.COMPLETED).note()).isEmpty();
        WorkUpdate comment = only(updates, ref, WorkStatus.COMMENT);
        assertThat(comment.note()).isEqualTo("Owner at 312-555-0142 wants the wood");
        assertThat(comment.updateId()).startsWith(ref.id() + ":comment:");
        assertThat(connector.pullUpdates(since).updates()).contains(comment);
    }

    /** Search answers at most 10,000 ids and says nothing of the rest: a busy site must not hide our closure. */
    @Test
    void aClosureBeyondTheSearchCapIsStillFound() {
        Instant since = TestSite.aMinuteAgo();
        simulator.fileAndCloseStaffRequests(5_000, 102);
        simulator.shiftClock(Duration.ofMinutes(10));
        simulator.fileAndCloseStaffRequests(5_000, 102);
        simulator.shiftClock(Duration.ofMinutes(10));
        ExternalRef ref = connector.push(TestSite.damagedTree("900010", TestSite.URBAN_FORESTRY));
        simulator.closeRequest(TestSite.requestId(ref), "Cleared after the storm");

        assertThat(only(connector.pullUpdates(since).updates(), ref, WorkStatus.COMPLETED).note())
                .isEqualTo("Cleared after the storm");
    }

    @Test
    void aClosureWithNeitherResolutionNorCommentHasAnEmptyNote() {
        Instant since = TestSite.aMinuteAgo();
        ExternalRef ref = connector.push(TestSite.damagedTree("900006", TestSite.URBAN_FORESTRY));
        simulator.closeRequest(TestSite.requestId(ref), null);

        assertThat(only(connector.pullUpdates(since).updates(), ref).note()).isEmpty();
    }

    @Test
    void aCancellationComesBackWithItsReason() {
        Instant since = TestSite.aMinuteAgo();
        ExternalRef ref = connector.push(TestSite.damagedTree("900007", TestSite.URBAN_FORESTRY));
        CityworksRequest canceled = simulator.cancelRequest(TestSite.requestId(ref), "The tree is on private property");

        WorkUpdate update = only(connector.pullUpdates(since).updates(), ref);

        assertThat(update.status()).isEqualTo(WorkStatus.CANCELLED);
        assertThat(update.note()).isEqualTo("The tree is on private property");
        assertThat(update.updateId()).startsWith(ref.id() + ":canceled:");
        assertThat(update.at()).isNotNull().isEqualTo(Instant.parse(
                (String) canceled.requestBase().get("DateCancelled") + "Z"));
    }

    @Test
    void aWorkOrderClosureComesBackWithTheCrewsResolution() {
        Instant since = TestSite.aMinuteAgo();
        ExternalRef ref = connector.push(TestSite.damagedTree("900008", TestSite.STREET_CREWS));
        CityworksWorkOrder closed = simulator.closeWorkOrder(TestSite.workOrderId(ref), "Pruned and cleared");

        WorkUpdate update = only(connector.pullUpdates(since).updates(), ref);

        assertThat(update.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(update.note()).isEqualTo("Pruned and cleared");
        assertThat(update.updateId()).isEqualTo(ref.id() + ":closed:" + closed.dateWOClosed());
    }

    @Test
    void aWorkOrderCommentIsAStaffCommentWhenTheCrewWroteNoResolution() {
        Instant since = TestSite.aMinuteAgo();
        ExternalRef ref = connector.push(TestSite.damagedTree("900009", TestSite.STREET_CREWS));
        simulator.addWorkOrderComment(TestSite.workOrderId(ref), "Done, area swept");
        simulator.closeWorkOrder(TestSite.workOrderId(ref), null);

        List<WorkUpdate> updates = connector.pullUpdates(since).updates();

        assertThat(only(updates, ref, WorkStatus.COMPLETED).note()).isEmpty();
        assertThat(only(updates, ref, WorkStatus.COMMENT).note()).isEqualTo("Done, area swept");
    }

    @Test
    void requestsStaffTypedInThemselvesAreNotReported() {
        Instant since = TestSite.aMinuteAgo();
        CityworksStaff staff = new CityworksStaff(port);
        long byHand = staff.createRequestByHand(102);
        staff.closeRequest(byHand);

        assertThat(connector.pullUpdates(since).updates()).isEmpty();
    }

    @Test
    void closuresBeforeTheWatermarkAreNotReportedAgain() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900010", TestSite.URBAN_FORESTRY));
        simulator.closeRequest(TestSite.requestId(ref), "Done");
        simulator.shiftClock(Duration.ofMinutes(10));

        assertThat(connector.pullUpdates(simulator.now().minus(Duration.ofMinutes(1))).updates()).isEmpty();
    }

    @Test
    void workOrdersCanceledBeforeTheWatermarkAreNotReportedAgain() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900014", TestSite.STREET_CREWS));
        new CityworksStaff(port).cancelWorkOrder(TestSite.workOrderId(ref), "Duplicate");
        simulator.shiftClock(Duration.ofMinutes(10));

        assertThat(connector.pullUpdates(simulator.now().minus(Duration.ofMinutes(1))).updates()).isEmpty();
    }

    @Test
    void workRoutedWithoutAProblemCodeIsRefusedPointingAtTheRoutingRules() {
        WorkOrder untyped = TestSite.damagedTree("900011", TestSite.URBAN_FORESTRY, null);

        assertThatThrownBy(() -> connector.push(untyped))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("no Cityworks problem code for damaged_tree to department 'urban-forestry'")
                .hasMessageContaining("routing rules");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void workRoutedWithoutATemplateIsRefusedPointingAtTheRoutingRules() {
        WorkOrder untyped = TestSite.damagedTree("900012", TestSite.STREET_CREWS, " ");

        assertThatThrownBy(() -> connector.push(untyped))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("no Cityworks work order template for damaged_tree to department 'street-crews'");
        assertThat(simulator.workOrders()).isEmpty();
    }

    @Test
    void aDepartmentNotSetUpForCityworksIsRefusedNamingIt() {
        assertThatThrownBy(() -> connector.push(TestSite.damagedTree("900013", "parks")))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("civic311.connectors.cityworks.departments.parks");
    }

    /**
     * Cityworks does not keep OtherSystemId unique, and ByOtherSystemId answers one of several without saying which
     * (the simulator: the newest). The request Civic311 made first is the one it follows.
     */
    @Test
    void whenAnotherSystemFiledARequestWithOurOtherSystemIdTheRetryStillFindsOursTheOldest() {
        WorkOrder order = TestSite.damagedTree("900015", TestSite.URBAN_FORESTRY);
        ExternalRef ours = connector.push(order);
        long theirs = new CityworksStaff(port).createRequestFor("900015", 102);

        ExternalRef retried = connector.push(order);

        assertThat(retried).isEqualTo(ours);
        assertThat(TestSite.requestId(ours)).isLessThan(theirs);
        assertThat(simulator.requestsWithOtherSystemId("900015")).hasSize(2);
    }

    @Test
    void whenAWorkOrderWithOurTaskKeyWasCopiedTheRetryStillFindsOursTheOldest() {
        WorkOrder order = TestSite.damagedTree("900023", TestSite.STREET_CREWS);
        ExternalRef ours = connector.push(order);
        String copy = new CityworksStaff(port).createWorkOrderWithText1("900023", "2003");

        ExternalRef retried = connector.push(order);

        assertThat(retried).isEqualTo(ours).isNotEqualTo(CityworksRef.workOrder(copy));
        assertThat(simulator.workOrdersCreated()).isEqualTo(2);
    }

    @Test
    void aProblemCodeTheSiteDoesNotHaveIsARefusalListingTheSitesCodesAndNothingIsCreated() {
        WorkOrder misTyped = TestSite.damagedTree("900016", TestSite.STREETS, "POTHOLE FILLED");

        assertThatThrownBy(() -> connector.push(misTyped))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("Cityworks has no problem type with the code 'POTHOLE FILLED'")
                .hasMessageContaining("POTHOLE, SIDEWALK DAMAGED");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void aWorkOrderTemplateTheSiteDoesNotHaveIsARefusal() {
        assertThatThrownBy(() -> connector.push(TestSite.damagedTree("900017", TestSite.STREET_CREWS, "9999")))
                .isInstanceOf(ConnectorRefusal.class)
                .hasMessageContaining("9999 is not a work order template");
        assertThat(simulator.workOrders()).isEmpty();
    }

    @Test
    void withCoordinatesSetToNoneTheSiteGetsTheAddressAndNoPoint() {
        CityworksConnector addressOnly = new CityworksConnector(TestSite.properties(port, "coordinates", "none"));

        ExternalRef request = addressOnly.push(TestSite.damagedTree("900018", TestSite.URBAN_FORESTRY));
        ExternalRef workOrder = addressOnly.push(TestSite.damagedTree("900019", TestSite.STREET_CREWS));

        CityworksRequest filed = simulator.request(TestSite.requestId(request)).orElseThrow();
        assertThat(filed.coordinatesWkid()).isNull();
        assertThat(filed.requestBase()).containsEntry("ProbAddress", "121 N LaSalle St").containsEntry("SRX", null);
        assertThat(simulator.workOrder(TestSite.workOrderId(workOrder)).orElseThrow().coordinatesWkid()).isNull();
    }

    @Test
    void cancelWithdrawsTheRequestWithTheReasonAndASecondCancelChangesNothing() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900020", TestSite.URBAN_FORESTRY));

        assertThat(connector.cancel(ref, "Sent to Parks instead")).isTrue();
        CityworksRequest canceled = simulator.request(TestSite.requestId(ref)).orElseThrow();
        assertThat(connector.cancel(ref, "Again")).as("already canceled").isTrue();

        assertThat(canceled.canceled()).isTrue();
        assertThat(canceled.requestBase()).containsEntry("CancelReason", "Sent to Parks instead");
        assertThat(simulator.request(TestSite.requestId(ref)).orElseThrow().requestBase())
                .containsEntry("CancelReason", "Sent to Parks instead")
                .containsEntry("DateCancelled", canceled.requestBase().get("DateCancelled"));
    }

    @Test
    void cancelWithdrawsTheWorkOrder() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900021", TestSite.STREET_CREWS));

        assertThat(connector.cancel(ref, "Duplicate of another report")).isTrue();

        CityworksWorkOrder canceled = simulator.workOrder(TestSite.workOrderId(ref)).orElseThrow();
        assertThat(canceled.canceled()).isTrue();
        assertThat(canceled.workOrderBase()).containsEntry("CancelReason", "Duplicate of another report");
    }

    @Test
    void workStaffClosedFirstIsNotCanceled() {
        ExternalRef ref = connector.push(TestSite.damagedTree("900022", TestSite.URBAN_FORESTRY));
        simulator.closeRequest(TestSite.requestId(ref), "Done already");

        assertThat(connector.cancel(ref, "No longer needed")).isFalse();

        CityworksRequest request = simulator.request(TestSite.requestId(ref)).orElseThrow();
        assertThat(request.closed()).isTrue();
        assertThat(request.canceled()).isFalse();
    }

    @Test
    void aReferenceOfAnotherSystemIsRefused() {
        assertThatThrownBy(() -> connector.cancel(new ExternalRef("accela", "CIVIC311-26CAP-00000-00001"), "x"))
                .isInstanceOf(ConnectorRefusal.class);
    }

    private static WorkUpdate only(List<WorkUpdate> updates, ExternalRef ref, WorkStatus status) {
        return only(updates.stream().filter(update -> update.status() == status).toList(), ref);
    }

    private static WorkUpdate only(List<WorkUpdate> updates, ExternalRef ref) {
        List<WorkUpdate> forRef = updates.stream().filter(update -> update.ref().equals(ref)).toList();
        assertThat(forRef).as("updates for %s in %s", ref, updates).hasSize(1);
        return forRef.get(0);
    }
}
