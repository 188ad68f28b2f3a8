package org.civic311.simulators.cityworks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.civic311.simulators.cityworks.CityworksSimulatorProperties.Webhook;

/**
 * Cityworks webhooks with a custom JSON packet. Delivery is asynchronous, as Cityworks queues webhook
 * messages, so a slow or failing receiver never holds up (or fails) the close that fired it; a failed
 * delivery is logged and counted, like a message left Failed in the queue.
 */
final class WebhookNotifier {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private final Webhook config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    private final CityworksDateFormat dates;

    WebhookNotifier(Webhook config, CityworksDateFormat dates, ObjectMapper json) {
        this.config = config;
        this.dates = dates;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    void requestClosed(StoredRequest request) {
        Map<String, Object> packet = packet("RequestClosed");
        packet.put("RequestId", request.requestId);
        packet.put("OtherSystemId", request.otherSystemId);
        packet.put("ProblemSid", request.problemSid);
        packet.put("ProblemCode", request.problemCode);
        packet.put("Status", request.status);
        packet.put("IsClosed", request.closed);
        packet.put("DateTimeClosed", dates.format(request.dateTimeClosed));
        packet.put("ClosedBy", request.closedBy);
        packet.put("Resolution", request.resolution);
        send(packet);
    }

    void requestCanceled(StoredRequest request) {
        Map<String, Object> packet = packet("RequestCanceled");
        packet.put("RequestId", request.requestId);
        packet.put("OtherSystemId", request.otherSystemId);
        packet.put("Status", request.status);
        packet.put("Cancel", request.canceled);
        packet.put("DateCancelled", dates.format(request.dateCancelled));
        packet.put("CancelReason", request.cancelReason);
        send(packet);
    }

    void workOrderClosed(StoredWorkOrder workOrder) {
        Map<String, Object> packet = packet("WorkOrderClosed");
        packet.put("WorkOrderId", workOrder.workOrderId);
        packet.put("WorkOrderSid", workOrder.workOrderSid);
        packet.put("WOTemplateId", workOrder.woTemplateId);
        packet.put("RequestIds", new ArrayList<>(workOrder.requestIds));
        packet.put("Status", workOrder.status);
        packet.put("IsClosed", workOrder.closed);
        packet.put("DateWOClosed", dates.format(workOrder.dateWOClosed));
        packet.put("WOClosedBy", workOrder.woClosedBy);
        packet.put("ActualFinishDate", dates.format(workOrder.actualFinishDate));
        packet.put("Resolution", workOrder.resolution);
        send(packet);
    }

    void workOrderCanceled(StoredWorkOrder workOrder) {
        Map<String, Object> packet = packet("WorkOrderCanceled");
        packet.put("WorkOrderId", workOrder.workOrderId);
        packet.put("WorkOrderSid", workOrder.workOrderSid);
        packet.put("RequestIds", new ArrayList<>(workOrder.requestIds));
        packet.put("Status", workOrder.status);
        packet.put("Cancel", workOrder.canceled);
        packet.put("DateCancelled", dates.format(workOrder.dateCancelled));
        packet.put("CancelReason", workOrder.cancelReason);
        send(packet);
    }

    int delivered() {
        return delivered.get();
    }

    int failed() {
        return failed.get();
    }

    void resetCounters() {
        delivered.set(0);
        failed.set(0);
    }

    private static Map<String, Object> packet(String eventType) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("EventType", eventType);
        return packet;
    }

    private void send(Map<String, Object> packet) {
        Object event = packet.get("EventType");
        if (isBlank(config.url()) || config.events().stream().noneMatch(e -> e.equalsIgnoreCase((String) event))) {
            return;
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.url().trim()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(packet)));
            if (!isBlank(config.headerName())) {
                builder.header(config.headerName().trim(), config.headerValue() == null ? "" : config.headerValue());
            }
            request = builder.build();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            failed(event, e.toString());
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                failed(event, error.toString());
            } else if (response.statusCode() / 100 != 2) {
                failed(event, "HTTP " + response.statusCode());
            } else {
                delivered.incrementAndGet();
            }
        });
    }

    private void failed(Object event, String why) {
        failed.incrementAndGet();
        log.warn("Cityworks simulator: {} webhook to {} failed: {}", event, config.url(), why);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
