package org.civic311.orchestrator.duplicates;

/** The fact the duplicate rules decide on: the type of the new report. */
public class DuplicateQuestion {

    private final String serviceCode;

    public DuplicateQuestion(String serviceCode) {
        this.serviceCode = serviceCode;
    }

    public String getServiceCode() {
        return serviceCode;
    }
}
