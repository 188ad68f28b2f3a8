package org.civic311.simulators.cityworks;

/** A failed call as Cityworks reports it: HTTP 200, a non-zero Status and one error message. */
final class CityworksFault extends RuntimeException {

    static final int ERROR = 1;
    static final int UNAUTHORIZED = 2;
    static final int INVALID_CREDENTIALS = 3;

    final int status;
    final MessageCode code;

    private CityworksFault(int status, MessageCode code, String displayText) {
        super(displayText, null, false, false);
        this.status = status;
        this.code = code;
    }

    static CityworksFault error(MessageCode code, String displayText) {
        return new CityworksFault(ERROR, code, displayText);
    }

    static CityworksFault requiredField(String field) {
        return error(MessageCode.ERROR_REQUIRED_FIELDS, field + " is required.");
    }

    static CityworksFault invalidField(String field, String problem) {
        return error(MessageCode.INVALID_FIELD, field + " " + problem);
    }

    static CityworksFault notFound(String item) {
        return error(MessageCode.ERROR_ITEM_NOT_FOUND, item + " was not found.");
    }

    static CityworksFault unauthorized(String why) {
        return new CityworksFault(UNAUTHORIZED, MessageCode.UNAUTHORIZED, why);
    }

    static CityworksFault invalidCredentials() {
        return new CityworksFault(INVALID_CREDENTIALS, MessageCode.INVALID_CREDENTIALS, "Invalid login name or password.");
    }
}
