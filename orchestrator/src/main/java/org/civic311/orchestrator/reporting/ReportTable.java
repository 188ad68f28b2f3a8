package org.civic311.orchestrator.reporting;

import java.util.List;
import java.util.stream.Collectors;

/** One table of the dashboard, shown as HTML and downloaded as CSV with the very same cells. */
record ReportTable(String id, String title, List<String> headers, List<List<String>> rows) {

    /** RFC 4180 CSV; a cell that a spreadsheet would take for a formula is written as text. */
    String csv() {
        StringBuilder csv = new StringBuilder();
        csv.append(line(headers));
        rows.forEach(row -> csv.append(line(row)));
        return csv.toString();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(ReportTable::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
