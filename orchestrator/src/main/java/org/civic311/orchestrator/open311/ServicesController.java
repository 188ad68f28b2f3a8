package org.civic311.orchestrator.open311;

import java.util.List;

import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Open311 GeoReport v2: the request types on offer, as deployed. */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class ServicesController {

    private final RequestTypes requestTypes;

    ServicesController(RequestTypes requestTypes) {
        this.requestTypes = requestTypes;
    }

    @GetMapping("/services.json")
    List<Service> services() {
        return requestTypes.all().stream().map(Service::of).toList();
    }

    record Service(@JsonProperty("service_code") String serviceCode,
                   @JsonProperty("service_name") String serviceName,
                   String description,
                   boolean metadata,
                   String type,
                   String keywords,
                   String group) {

        static Service of(RequestType type) {
            return new Service(type.serviceCode(), type.serviceName(), type.description(), false, "realtime",
                    String.join(",", type.keywords()), type.group());
        }
    }
}
