package org.civic311.connectors;

import java.util.Objects;

/** The id a department's system gave to the work item we pushed, e.g. a Cityworks RequestId. */
public record ExternalRef(String system, String id) {

    public ExternalRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return system + ":" + id;
    }
}
