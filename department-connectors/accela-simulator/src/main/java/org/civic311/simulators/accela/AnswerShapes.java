package org.civic311.simulators.accela;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented variants of a record as agencies answer it, which a client must read alike. Accela's own examples
 * write dates three ways: agency-local {@code yyyy-MM-dd HH:mm:ss}, a bare {@code yyyy-MM-dd}, and an ISO instant in
 * UTC such as {@code 2014-05-01T07:00:00Z}. The record's {@code statusType} is a string in some answers, an array
 * in recordModel's schema, and absent from the create response and from {@code GET /v4/records}.
 */
public final class AnswerShapes {

    /** How dates are written. */
    public enum DateShape {
        /** {@code 2026-07-14 16:05:09}, in the agency's zone: the default. */
        LOCAL,
        /** {@code 2026-07-14}: the agency's day only. */
        DAY,
        /** {@code 2026-07-14T21:05:09Z}: the instant, in UTC. */
        UTC
    }

    /** How a record's statusType is written. */
    public enum StatusTypeShape {
        /** {@code "statusType": "CLOSED"}: the default. */
        STRING,
        /** {@code "statusType": ["CLOSED"]}, as recordModel declares it. */
        ARRAY,
        /** Left out, as in the create response and GET /v4/records. */
        ABSENT
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private volatile DateShape dates = DateShape.LOCAL;
    private volatile StatusTypeShape statusTypes = StatusTypeShape.STRING;

    AnswerShapes() {
    }

    void dates(DateShape shape) {
        dates = shape;
    }

    void statusTypes(StatusTypeShape shape) {
        statusTypes = shape;
    }

    void reset() {
        dates = DateShape.LOCAL;
        statusTypes = StatusTypeShape.STRING;
    }

    String date(Instant instant, ZoneId zone) {
        return switch (dates) {
            case LOCAL -> LOCAL.format(instant.atZone(zone));
            case DAY -> DAY.format(instant.atZone(zone));
            case UTC -> UTC.format(instant);
        };
    }

    void statusType(ObjectNode record, String statusType) {
        switch (statusTypes) {
            case STRING -> record.put("statusType", statusType);
            case ARRAY -> record.putArray("statusType").add(statusType);
            case ABSENT -> record.remove("statusType");
        }
    }
}
