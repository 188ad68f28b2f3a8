package org.civic311.orchestrator.dispatch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{system}}: a department system says something changed. The packet is only a nudge:
 * Civic311 then asks the system itself, so a forged or replayed packet cannot tell us anything the system
 * does not confirm. Still, only callers holding the configured secret are heard.
 */
@RestController
class WebhookController {

    private final WebhookProperties properties;
    private final DepartmentSystems systems;
    private final DepartmentUpdatePoll poll;

    WebhookController(WebhookProperties properties, DepartmentSystems systems, DepartmentUpdatePoll poll) {
        this.properties = properties;
        this.systems = systems;
        this.poll = poll;
    }

    @PostMapping("/webhooks/{system}")
    ResponseEntity<Void> changed(@PathVariable String system,
                                 @RequestHeader(name = "Authorization", required = false) String authorization) {
        WebhookProperties.Webhook webhook = properties.webhooks().get(system);
        if (webhook == null || webhook.secret() == null || webhook.secret().isBlank()
                || !systems.names().contains(system)) {
            return ResponseEntity.notFound().build();
        }
        if (!matches(authorization, "Bearer " + webhook.secret())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        poll.nudge(system);
        return ResponseEntity.noContent().build();
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
