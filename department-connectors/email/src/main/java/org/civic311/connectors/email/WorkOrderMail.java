package org.civic311.connectors.email;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civic311.connectors.WorkOrder;

/** The subject and plain-text body of the email that hands a work order to a department. */
record WorkOrderMail(String subject, String body) {

    static final String INSTRUCTION = "Reply to this email when the work is done. Start your reply with DONE,"
            + " then say what was done; the resident is told (without phone numbers, email addresses or quoted text)."
            + " Any other reply is kept as a note for city staff only.";

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    static WorkOrderMail of(WorkOrder order, ReplyToken token, ZoneId zone) {
        return new WorkOrderMail(subject(order, token), body(order, token, zone));
    }

    /** Tracking number first, because that is what clerks and residents quote on the phone. */
    private static String subject(WorkOrder order, ReplyToken token) {
        StringBuilder subject = new StringBuilder();
        if (present(order.trackingNumber())) {
            subject.append('[').append(order.trackingNumber()).append("] ");
        }
        subject.append(what(order)).append(" at ").append(order.location().describe());
        // The token again, for mail clients that drop In-Reply-To/References.
        return subject.append(" [ref:").append(token).append(']').toString();
    }

    private static String body(WorkOrder order, ReplyToken token, ZoneId zone) {
        StringBuilder body = new StringBuilder();
        body.append(INSTRUCTION).append("\n\n");

        body.append("WHAT\n").append(what(order));
        if (present(order.serviceCode())) {
            body.append(" (").append(order.serviceCode()).append(')');
        }
        body.append('\n');
        if (present(order.description())) {
            body.append(order.description().strip()).append('\n');
        }

        WorkOrder.Location where = order.location();
        body.append("\nWHERE\n").append(where.describe()).append('\n');
        if (where.lat() != null && where.lon() != null) {
            body.append("Latitude, longitude: ").append(where.lat()).append(", ").append(where.lon()).append('\n');
        }
        if (present(where.zipcode())) {
            body.append("ZIP code: ").append(where.zipcode()).append('\n');
        }

        body.append("\nDUE\n").append(due(order.dueAt(), zone)).append('\n');
        if (present(order.priority())) {
            body.append("Priority: ").append(order.priority()).append('\n');
        }

        if (!order.attributes().isEmpty()) {
            body.append("\nDETAILS\n");
            for (Map.Entry<String, List<String>> attribute : order.attributes().entrySet()) {
                body.append(attribute.getKey()).append(": ")
                        .append(attribute.getValue() == null ? "" : String.join(", ", attribute.getValue()))
                        .append('\n');
            }
        }
        if (present(order.mediaUrl())) {
            body.append("\nPHOTO\n").append(order.mediaUrl()).append('\n');
        }

        body.append('\n');
        if (present(order.trackingNumber())) {
            body.append("Tracking number: ").append(order.trackingNumber()).append('\n');
        }
        // Also in the body, so a reply that quotes it still finds its way back when headers and subject do not.
        body.append("Reference: ").append(token).append('\n');
        return body.toString();
    }

    private static String what(WorkOrder order) {
        if (present(order.serviceName())) {
            return order.serviceName();
        }
        return present(order.serviceCode()) ? order.serviceCode() : "Work order";
    }

    private static String due(Instant dueAt, ZoneId zone) {
        return dueAt == null ? "No due date set" : DUE.format(dueAt.atZone(zone));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
