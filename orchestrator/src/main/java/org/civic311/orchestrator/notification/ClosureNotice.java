package org.civic311.orchestrator.notification;

import org.civic311.orchestrator.request.ServiceRequest;

/** The words of the closure notice. */
record ClosureNotice(ServiceRequest request, String cityName) {

    String subject() {
        return "[" + request.trackingNumber() + "] Your " + request.serviceName().toLowerCase() + " report is closed";
    }

    String body() {
        StringBuilder text = new StringBuilder()
                .append("Hello ").append(request.resident().greetingName()).append(",\n\n")
                .append("Your report ").append(request.trackingNumber()).append(" (")
                .append(request.serviceName());
        if (request.address() != null) {
            text.append(", ").append(request.address());
        }
        text.append(") has been closed");
        if (request.agencyResponsible() != null) {
            text.append(" by ").append(request.agencyResponsible());
        }
        text.append(".\n\n");
        if (request.statusNotes() != null && !request.statusNotes().isBlank()) {
            text.append(request.statusNotes()).append("\n\n");
        }
        return text.append("Thank you for reporting it.\n\n").append(cityName).append('\n').toString();
    }
}
