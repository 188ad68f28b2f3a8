package org.civic311.simulators.twilio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Which of the account's credentials an API call's HTTP Basic header carries: live, test, or none of them. */
enum Credentials {
    LIVE, TEST;

    /**
     * @throws TwilioError 20003 (401) for a missing or wrong header, or one for another account than the path's
     */
    static Credentials of(String authorization, String pathAccountSid, TwilioSimulatorProperties account) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TwilioError.authenticate();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TwilioError.authenticate();
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        if (user.equals(pathAccountSid) && user.equals(account.accountSid()) && same(password, account.authToken())) {
            return LIVE;
        }
        if (user.equals(pathAccountSid) && user.equals(account.testAccountSid())
                && same(password, account.testAuthToken())) {
            return TEST;
        }
        throw TwilioError.authenticate();
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
