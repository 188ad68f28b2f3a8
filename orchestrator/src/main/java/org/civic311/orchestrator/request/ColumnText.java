package org.civic311.orchestrator.request;

/** Text from outside (a department's reply, a system's error) is cut to its column, never refused for its length. */
public final class ColumnText {

    private ColumnText() {
    }

    public static String fit(String text, int columnSize) {
        return text == null || text.length() <= columnSize ? text : text.substring(0, columnSize - 1) + "…";
    }
}
