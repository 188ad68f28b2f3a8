package org.civic311.orchestrator.notification;

import org.civic311.orchestrator.request.ServiceRequest;

/**
 * The words of the closure notice.
 *
 * @param resolution what the request was closed with (not its latest status notes: a later note must not
 *                   replace the department's words)
 */
record ClosureNotice(ServiceRequest request, String resolution, String cityName) {

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
        if (resolution != null && !resolution.isBlank()) {
            text.append(resolution).append("\n\n");
        }
        return text.append("Thank you for reporting it.\n\n").append(cityName).append('\n').toString();
    }
}
