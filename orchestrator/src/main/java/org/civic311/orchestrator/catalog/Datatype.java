package org.civic311.orchestrator.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of answer an Open311 service definition knows. */
public enum Datatype {
    /** One line of text. */
    STRING,
    /** A number, decimals allowed. */
    NUMBER,
    /** An ISO 8601 date, or a date and time. */
    DATETIME,
    /** Text that may span several lines. */
    TEXT,
    /** One of the attribute's values. */
    SINGLEVALUELIST,
    /** Any number of the attribute's values. */
    MULTIVALUELIST;

    /** The name Open311 uses: {@code singlevaluelist}. */
    public String open311() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isList() {
        return this == SINGLEVALUELIST || this == MULTIVALUELIST;
    }

    public static Optional<Datatype> fromOpen311(String name) {
        return Arrays.stream(values()).filter(d -> d.open311().equalsIgnoreCase(name.strip())).findFirst();
    }
}
