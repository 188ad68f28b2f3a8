package org.civic311.orchestrator.notification;

import org.civic311.orchestrator.request.DuplicateLinked;
import org.civic311.orchestrator.request.ServiceRequestSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** The events of other parts of Civic311 that residents hear about. */
@Component
class NoticeEvents {

    private final ResidentNotices notices;

    NoticeEvents(ResidentNotices notices) {
        this.notices = notices;
    }

    /**
     * Just before intake commits, when routing (which runs inside the process start) has decided who does the work
     * and by when: the receipt is stored with the request, or neither is.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ServiceRequestSubmitted submitted) {
        notices.received(submitted.requestId());
    }

    /** With the link: at intake before it commits, as the receipt is; when staff link it, in their transaction. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DuplicateLinked linked) {
        notices.linked(linked.requestId(), linked.parentId());
    }

    @EventListener
    void on(RequestRerouted rerouted) {
        notices.rerouted(rerouted.requestId());
    }

    @EventListener
    void on(DueDateMoved moved) {
        notices.dueDateMoved(moved.requestId(), moved.newDue());
    }
}
