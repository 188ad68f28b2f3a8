package org.civic311.orchestrator.escalation;

import java.time.Clock;

import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.stereotype.Service;

/** The staff note that a request's work is overdue and who gets the escalation task. */
@Service
public class OverdueNote {

    /** Escalations are counted by this beginning of the note (docs/reporting.md); keep it when rewording. */
    public static final String AUTHOR = "Civic311";
    public static final String FIRST_LEVEL = "Overdue: ";

    private final ServiceRequests requests;
    private final Clock clock;

    OverdueNote(ServiceRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** @return whether the request is still open (else it is left alone: nothing is to be done) */
    public boolean record(long requestId, int level, String group) {
        if (requests.get(requestId).status() == RequestStatus.CLOSED) {
            return false;
        }
        requests.addStaffNote(requestId, AUTHOR, (level == 1 ? FIRST_LEVEL : "Still overdue: ")
                + "escalation task for " + group + ".", clock.instant());
        return true;
    }
}
