package org.civic311.orchestrator.open311;

import org.civic311.orchestrator.catalog.RequestType;
import org.civic311.orchestrator.catalog.RequestTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open311 GeoReport v2: the request types on offer and their questions, as deployed. */
@RestController
@RequestMapping("/open311/v2")
class ServicesController {

    private final RequestTypes requestTypes;

    ServicesController(RequestTypes requestTypes) {
        this.requestTypes = requestTypes;
    }

    @GetMapping({"/services.json", "/services.xml"})
    ResponseEntity<Open311Body> services(Format format) {
        return format.ok(new Open311Body("services", requestTypes.all().stream().map(Service::of).toList()));
    }

    @GetMapping({"/services/{serviceCode}.json", "/services/{serviceCode}.xml"})
    ResponseEntity<Open311Body> definition(@PathVariable String serviceCode, Format format) {
        RequestType type = requestTypes.find(serviceCode).orElseThrow(() ->
                Open311Exception.of(HttpStatus.NOT_FOUND, "service_code '" + serviceCode + "' is not offered."));
        return format.ok(new Open311Body("service_definition", ServiceDefinition.of(type)));
    }
}
