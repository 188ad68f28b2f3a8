package org.civic311.orchestrator.dispatch;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Department systems that can call us when something changes (a Cityworks webhook, for one).
 *
 * @param webhooks per system, the shared secret the system sends as {@code Authorization: Bearer <secret>};
 *                 a system without a secret has no webhook
 */
@ConfigurationProperties("civic311")
record WebhookProperties(Map<String, Webhook> webhooks) {

    WebhookProperties {
        webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
    }

    record Webhook(String secret) {
    }
}
