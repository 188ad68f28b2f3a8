package org.civic311.orchestrator.catalog;

import java.util.List;

/**
 * A kind of request residents can make: one deployed BPMN process, whose id is the Open311 service code.
 *
 * @param serviceCode the process id, e.g. {@code pothole}
 * @param serviceName the process name, e.g. {@code Pothole}
 * @param description the process documentation
 * @param group       extension property {@code open311.group}
 * @param keywords    extension property {@code open311.keywords}, comma-separated
 */
public record RequestType(String serviceCode, String serviceName, String description, String group, List<String> keywords) {
}
