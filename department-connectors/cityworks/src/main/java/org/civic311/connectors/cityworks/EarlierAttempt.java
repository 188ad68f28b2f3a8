package org.civic311.connectors.cityworks;

import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** What an earlier push of the same task left in Cityworks: the item a retry returns instead of creating one. */
final class EarlierAttempt {

    private static final Log log = LogFactory.getLog(EarlierAttempt.class);

    private EarlierAttempt() {
    }

    /**
     * The first of the items carrying the task's key, oldest first; several mean someone made copies, and Civic311
     * keeps following the one it made first.
     */
    static <T> Optional<T> oldest(String taskKey, String kind, List<T> carryingTheKey) {
        if (carryingTheKey.isEmpty()) {
            return Optional.empty();
        }
        if (carryingTheKey.size() > 1) {
            log.warn("Task " + taskKey + " has " + carryingTheKey.size() + " Cityworks " + kind + "s " + carryingTheKey
                    + "; Civic311 follows the oldest");
        }
        log.info("Task " + taskKey + " already has Cityworks " + kind + " " + carryingTheKey.get(0)
                + " (an earlier attempt made it); not creating another");
        return Optional.of(carryingTheKey.get(0));
    }
}
