package org.civic311.connectors.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks {@link ReplyToken}s with the orchestrator's secret. The signature is what stops anyone
 * who can send mail from closing another department's, or another task's, request: the sender check alone
 * would trust a forged From header.
 */
final class ReplyTokens {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    ReplyTokens(String secret) {
        if (secret == null || secret.length() < EmailConnectorProperties.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("The token secret must be at least "
                    + EmailConnectorProperties.MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /**
     * The token for this task and department. It depends on nothing else, so every attempt to send the same
     * task's email carries the same token.
     */
    ReplyToken issue(String taskKey, String department) {
        if (!ReplyToken.isTaskKey(taskKey)) {
            throw new IllegalArgumentException("A task key is lower-case letters and digits: " + taskKey);
        }
        if (!ReplyToken.isDepartment(department)) {
            throw new IllegalArgumentException(
                    "A department code may only hold lower-case letters, digits, '-' and '_': " + department);
        }
        return new ReplyToken(taskKey, department, signature(taskKey, department));
    }

    boolean isGenuine(ReplyToken token) {
        byte[] expected = signature(token.taskKey(), token.department()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.signature().getBytes(StandardCharsets.US_ASCII);
        // Constant time, so response timing cannot be used to guess a signature byte by byte.
        return MessageDigest.isEqual(expected, given);
    }

    private String signature(String taskKey, String department) {
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe, and cheap to create
            mac.init(key);
            byte[] digest = mac.doFinal((taskKey + "\n" + department).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ReplyToken.SIGNATURE_HEX_CHARS / 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
