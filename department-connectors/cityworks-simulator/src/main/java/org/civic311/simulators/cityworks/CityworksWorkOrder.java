package org.civic311.simulators.cityworks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work order as the simulator holds it, for tests and demos driving it from Java.
 *
 * @param instructions  what Create received as Instructions (Cityworks keeps them off WorkOrderBase)
 * @param comments      the comment texts on the work order, oldest first
 * @param workOrderBase the work order exactly as {@code WorkOrder/ById} returns it
 * @param coordinatesWkid the spatial reference its X/Y were taken in: the WKID sent with them, else the site's own;
 *                      null without coordinates
 */
public record CityworksWorkOrder(String workOrderId, long workOrderSid, String woTemplateId, String status,
                                 boolean closed, boolean canceled, Instant dateWOClosed, String resolution,
                                 List<Long> requestIds, String instructions, List<String> comments,
                                 Map<String, Object> workOrderBase, Integer coordinatesWkid) {
}
