package org.civic311.orchestrator.request;

import java.util.Optional;

/** Finds the earlier, still open report of the problem a new request reports, if there is one. */
public interface EarlierReports {

    /** @return the id of the open request the new one is a likely duplicate of */
    Optional<Long> likelyParentOf(ServiceRequest request);
}
