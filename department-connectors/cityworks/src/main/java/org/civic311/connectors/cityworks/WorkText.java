package org.civic311.connectors.cityworks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civic311.connectors.WorkOrder;

/**
 * What the department reads in Cityworks: the resident's report as one plain text, the Details of a service
 * request or the Instructions of a work order. The caller's contact details are not in it: a request carries
 * them in its own Caller fields, and a work order crew does not need them.
 */
final class WorkText {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private final ZoneId zone;

    /** @param zone the zone the due date is written in: the city's, which is the Cityworks server's */
    WorkText(ZoneId zone) {
        this.zone = zone;
    }

    String of(WorkOrder order) {
        StringBuilder text = new StringBuilder();
        // Tracking number first: it is what residents quote when they call.
        if (present(order.trackingNumber())) {
            text.append('[').append(order.trackingNumber()).append("] ");
        }
        text.append(what(order)).append('\n');
        if (present(order.description())) {
            text.append(order.description().strip()).append('\n');
        }
        text.append('\n').append("Where: ").append(order.location().describe()).append('\n');
        if (present(order.location().address()) && order.location().lat() != null && order.location().lon() != null) {
            text.append("Latitude, longitude: ").append(order.location().lat()).append(", ")
                    .append(order.location().lon()).append('\n');
        }
        for (Map.Entry<String, List<String>> attribute : order.attributes().entrySet()) {
            text.append(attribute.getKey()).append(": ")
                    .append(attribute.getValue() == null ? "" : String.join(", ", attribute.getValue())).append('\n');
        }
        if (present(order.priority())) {
            text.append("Priority: ").append(order.priority()).append('\n');
        }
        text.append("Due: ").append(due(order.dueAt())).append('\n');
        if (present(order.mediaUrl())) {
            text.append("Photo: ").append(order.mediaUrl()).append('\n');
        }
        text.append("Civic311 task ").append(order.taskKey());
        return text.toString();
    }

    private String due(Instant dueAt) {
        return dueAt == null ? "no due date set" : DUE.format(dueAt.atZone(zone));
    }

    private static String what(WorkOrder order) {
        if (present(order.serviceName())) {
            return order.serviceName() + (present(order.serviceCode()) ? " (" + order.serviceCode() + ")" : "");
        }
        return present(order.serviceCode()) ? order.serviceCode() : "Service request";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
