package org.civic311.orchestrator.notification;

/** Where a stored notice stands. */
public enum NoticeStatus {
    /** Waiting for its first or next try. */
    PENDING,
    /** Taken by one node's sender; due again if that node dies. */
    SENDING,
    /** The mail server or SMS provider took it. */
    SENT,
    /** No try will deliver it: refused for good, out of tries, or it could not be written. Staff see why. */
    FAILED,
    /** Nothing can send it: no SMS provider is set up. Staff see it. */
    UNSENDABLE
}
