package org.civic311.simulators.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal as Twilio answers it: {@code {"code":21211,"message":"…","more_info":"https://www.twilio.com/docs/errors/21211","status":400}}.
 */
final class TwilioError extends RuntimeException {

    final int code;
    final int status;

    TwilioError(int code, int status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    static TwilioError badRequest(int code, String message) {
        return new TwilioError(code, 400, message);
    }

    static TwilioError authenticate() {
        return new TwilioError(20003, 401, "Authenticate");
    }

    static TwilioError notFound(String path) {
        return new TwilioError(20404, 404, "The requested resource " + path + " was not found");
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return body;
    }
}
