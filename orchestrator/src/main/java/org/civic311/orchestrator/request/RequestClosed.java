package org.civic311.orchestrator.request;

/** The request is closed: it takes no more comments. */
public class RequestClosed extends RuntimeException {

    RequestClosed(String trackingNumber) {
        super(trackingNumber + " is closed");
    }
}
