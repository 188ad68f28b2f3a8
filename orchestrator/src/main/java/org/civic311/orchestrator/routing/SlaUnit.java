package org.civic311.orchestrator.routing;

/** How a service level is counted. */
public enum SlaUnit {
    /** Clock hours, nights and weekends included (e.g. graffiti within 48 hours). */
    HOURS,
    /** Hours while the city works: business days between the opening and closing time (civic311.sla.business-hours). */
    BUSINESS_HOURS,
    /** Calendar days. */
    CALENDAR_DAYS,
    /** Working days on the city's calendar: weekends and public holidays do not count. */
    BUSINESS_DAYS
}
