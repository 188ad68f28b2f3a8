package org.civic311.orchestrator.open311;

import java.time.ZoneId;
import java.util.List;

import org.civic311.orchestrator.catalog.RequestTypes;
import org.civic311.orchestrator.request.NewServiceRequest;
import org.civic311.orchestrator.request.RequestIntake;
import org.civic311.orchestrator.request.ServiceRequest;
import org.civic311.orchestrator.request.ServiceRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Open311 GeoReport v2: submitting a request and following it. */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class RequestsController {

    private final RequestIntake intake;
    private final ServiceRequests requests;
    private final RequestTypes requestTypes;
    private final Open311Properties properties;
    private final ZoneId zone;

    RequestsController(RequestIntake intake, ServiceRequests requests, RequestTypes requestTypes,
                       Open311Properties properties, @Value("${civic311.zone}") ZoneId zone) {
        this.intake = intake;
        this.requests = requests;
        this.requestTypes = requestTypes;
        this.properties = properties;
        this.zone = zone;
    }

    @PostMapping(path = "/requests.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    List<Submitted> submit(@RequestParam MultiValueMap<String, String> form) {
        RequestForm request = new RequestForm(form);
        String channel = channelOf(request.value("api_key"));
        NewServiceRequest report = request.read(channel);
        if (requestTypes.find(report.serviceCode()).isEmpty()) {
            throw Open311Exception.of(HttpStatus.NOT_FOUND, "service_code '" + report.serviceCode() + "' is not offered.");
        }
        ServiceRequest stored = intake.submit(report);
        return List.of(new Submitted(stored.trackingNumber(), stored.serviceNotice(), stored.resident().accountId()));
    }

    @GetMapping("/requests/{id}.json")
    List<Open311Request> one(@PathVariable String id) {
        return requests.find(id)
                .map(r -> List.of(Open311Request.of(r, zone)))
                .orElseThrow(() -> Open311Exception.of(HttpStatus.NOT_FOUND, "No service request " + id + "."));
    }

    private String channelOf(String apiKey) {
        if (apiKey == null) {
            throw Open311Exception.of(HttpStatus.FORBIDDEN, "api_key is required to submit a request.");
        }
        String channel = properties.apiKeys().get(apiKey);
        if (channel == null) {
            throw Open311Exception.of(HttpStatus.FORBIDDEN, "api_key is not valid.");
        }
        return channel;
    }

    /** The answer to a submitted request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Submitted(@JsonProperty("service_request_id") String serviceRequestId,
                     @JsonProperty("service_notice") String serviceNotice,
                     @JsonProperty("account_id") String accountId) {
    }
}
