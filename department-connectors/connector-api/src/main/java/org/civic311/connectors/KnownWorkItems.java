package org.civic311.connectors;

import java.util.Collection;
import java.util.Set;

/**
 * Which of a system's work items Civic311 pushed, by the ids the system gave them when they were created: the
 * orchestrator keeps those ids with its tasks. A connector whose system lets staff edit the mark it tags items with
 * (Accela's {@code shortNotes}) asks here, so an edited mark does not lose an item.
 */
@FunctionalInterface
public interface KnownWorkItems {

    /** Knows none: a connector then has only its own mark to go by. */
    KnownWorkItems NONE = (system, ids) -> Set.of();

    /**
     * @param system the system's name, e.g. {@code "accela"}
     * @param ids    ids of the system's items
     * @return those of them that are items pushed for tasks of ours
     */
    Set<String> known(String system, Collection<String> ids);
}
