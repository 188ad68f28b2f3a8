package org.civic311.simulators.cityworks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response body every Cityworks service answers with (cw-sdk CoreResponseBase), built as ordered
 * maps so that null members are still written, as .NET writes them.
 */
final class Envelope {

    private static final int OK = 0;
    private static final int ERROR_MESSAGE = 2;
    private static final int WARNING_MESSAGE = 1;

    private Envelope() {
    }

    static Map<String, Object> ok(Object value, Call call) {
        Map<String, Object> body = body(OK, null, value, List.of(), call.warnings());
        if (call.isVerified()) {
            body.put("WebServiceRequestId", call.webServiceRequestId());
        }
        return body;
    }

    static Map<String, Object> failure(CityworksFault fault, String service) {
        Map<String, Object> error = message(fault.code, fault.getMessage(), service, ERROR_MESSAGE);
        return body(fault.status, fault.getMessage(), null, List.of(error), List.of());
    }

    static Map<String, Object> warning(MessageCode code, String displayText, String service) {
        return message(code, displayText, service, WARNING_MESSAGE);
    }

    private static Map<String, Object> body(int status, String message, Object value,
                                            List<Map<String, Object>> errors, List<Map<String, Object>> warnings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Message", message);
        body.put("Value", value);
        body.put("ErrorMessages", errors);
        body.put("WarningMessages", warnings);
        body.put("SuccessMessages", List.of());
        return body;
    }

    private static Map<String, Object> message(MessageCode code, String displayText, String service, int messageType) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("Code", code.code);
        message.put("Name", code.codeName);
        message.put("DisplayText", displayText);
        message.put("DebugDetails", "");
        message.put("MessageType", messageType);
        message.put("Service", service);
        message.put("InnerMessage", null);
        return message;
    }
}
