package org.civic311.orchestrator.open311;

import org.civic311.orchestrator.catalog.RequestTypes;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** How clients find the API: Open311 service discovery, and an OpenAPI description for developers. */
@RestController
class DiscoveryController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final Open311Properties properties;
    private final RequestTypes requestTypes;

    DiscoveryController(Open311Properties properties, RequestTypes requestTypes) {
        this.properties = properties;
        this.requestTypes = requestTypes;
    }

    @GetMapping({"/open311/discovery.json", "/open311/discovery.xml"})
    ResponseEntity<Open311Body> discovery(Format format) {
        // The address the client used; behind a proxy set server.forward-headers-strategy (docs/open311.md).
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
        return format.ok(new Open311Body("discovery", Discovery.of(properties, requestTypes.all(), url)));
    }

    @GetMapping("/open311/openapi.yaml")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("open311/openapi.yaml"));
    }
}
