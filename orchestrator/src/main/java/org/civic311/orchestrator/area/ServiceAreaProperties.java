package org.civic311.orchestrator.area;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * @param file         the wards, districts or service zones: a GeoJSON FeatureCollection of Polygon and MultiPolygon
 *                     features, e.g. {@code file:/etc/civic311/wards.geojson}; none by default (no request has an
 *                     area). Read at start
 * @param nameProperty the feature property that names each area, as routing rules test it
 */
@Validated
@ConfigurationProperties("civic311.service-areas")
record ServiceAreaProperties(Resource file,
                             @DefaultValue("name") @NotBlank(message = "the GeoJSON feature property that names each"
                                     + " area, e.g. name") String nameProperty) {
}
