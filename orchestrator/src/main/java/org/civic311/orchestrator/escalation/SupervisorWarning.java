package org.civic311.orchestrator.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.civic311.orchestrator.catalog.Departments;
import org.civic311.orchestrator.notification.NotificationProperties;
import org.civic311.orchestrator.request.RequestStatus;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Emails a department's supervisors that a request nears its due time. The email names the request, its place and
 * due time, never the resident: supervisors look the request up in Tasklist or Cockpit.
 */
@Service
public class SupervisorWarning {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWarning.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    private final JavaMailSender mail;
    private final ServiceRequests requests;
    private final Departments departments;
    private final NotificationProperties notifications;
    private final ZoneId zone;
    private final Clock clock;

    SupervisorWarning(JavaMailSender mail, ServiceRequests requests, Departments departments,
                      NotificationProperties notifications, @Value("${civic311.zone}") ZoneId zone, Clock clock) {
        this.mail = mail;
        this.requests = requests;
        this.departments = departments;
        this.notifications = notifications;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * @return whether the supervisors were emailed: not for a request closed meanwhile, nor for a department without
     *         a supervisors' address (then a staff note says so)
     * @throws MailException when the mail server refuses; the engine retries
     */
    public boolean warn(long requestId, String department, Instant dueAt) {
        ServiceRequest request = requests.get(requestId);
        if (request.status() == RequestStatus.CLOSED) {
            return false;
        }
        Optional<String> address = departments.supervisorsEmail(department);
        if (address.isEmpty()) {
            log.warn("{} nears its due time, but civic311.departments.{}.supervisors-email is not set",
                    request.trackingNumber(), department);
            requests.addStaffNote(requestId, "Civic311", "Nears its due time; no supervisors' address is configured for "
                    + department + ", so nobody was emailed.", clock.instant());
            return false;
        }
        String due = WHEN.format(dueAt.atZone(zone));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(notifications.from());
        message.setTo(address.get());
        message.setSubject("[" + request.trackingNumber() + "] due " + due + ": " + request.serviceName());
        message.setText(request.serviceName() + " " + request.trackingNumber()
                + (request.address() == null ? "" : " at " + request.address()) + " is due " + due + " with "
                + departments.nameOf(department) + ", and the department has not reported it done.\n\n"
                + "If it will be late, the department's supervisors get an escalation task in Tasklist at the due"
                + " time, to extend the due date, send it to another department, or close it.\n");
        mail.send(message);
        requests.addStaffNote(requestId, "Civic311", "Supervisors warned (" + address.get() + "): due " + due + ".",
                clock.instant());
        return true;
    }
}
