package org.civic311.orchestrator.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Twilio's {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the account's auth token, over the URL
 * Twilio called (query string included) followed by every POST parameter's name and value, names sorted (a repeated
 * name contributes each of its values, in the order sent).
 */
final class TwilioRequestSignature {

    static final String HEADER = "X-Twilio-Signature";

    private final byte[] authToken;

    TwilioRequestSignature(String authToken) {
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code signature} is Twilio's for this URL and these POST parameters; compared in constant time. */
    boolean matches(String signature, String url, Map<String, List<String>> postParams) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(of(url, postParams).getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** The signature Twilio sends with a request to this URL with these POST parameters. */
    String of(String url, Map<String, List<String>> postParams) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(postParams).forEach((name, values) -> values.forEach(v -> signed.append(name).append(v)));
        return Base64.getEncoder().encodeToString(hmacSha1(signed.toString()));
    }

    private byte[] hmacSha1(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
