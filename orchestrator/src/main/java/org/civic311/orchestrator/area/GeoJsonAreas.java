package org.civic311.orchestrator.area;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads service areas from a GeoJSON FeatureCollection (RFC 7946): each feature a Polygon or MultiPolygon in
 * longitude/latitude (WGS 84), named by one of its properties. Anything else is refused with a message naming the
 * feature, so a redrawn ward with a crossed boundary never goes live as a shape that answers wrongly.
 */
final class GeoJsonAreas {

    /** {@code service_request.area} holds this many characters. */
    static final int MAX_NAME_LENGTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory SHAPES = new GeometryFactory();

    private final String source;
    private final String nameProperty;

    /**
     * @param source       how the file is named in messages, e.g. {@code civic311.service-areas.file (wards.geojson)}
     * @param nameProperty the feature property holding the area's name
     */
    GeoJsonAreas(String source, String nameProperty) {
        this.source = source;
        this.nameProperty = nameProperty;
    }

    /** @throws InvalidServiceAreas naming the feature and what is wrong with it */
    ServiceAreas read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw invalid("is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw invalid("is not a GeoJSON FeatureCollection (its \"type\" must be \"FeatureCollection\")");
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            throw invalid("has no features: give one Polygon or MultiPolygon feature per area");
        }
        List<ServiceArea> areas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            areas.add(area(features.get(i), i));
        }
        return new ServiceAreas(areas);
    }

    private ServiceArea area(JsonNode feature, int index) {
        JsonNode nameNode = feature.path("properties").path(nameProperty);
        String name = nameNode.isValueNode() && !nameNode.isNull() ? nameNode.asText().strip() : "";
        Feature named = new Feature(index + 1, name);
        if (name.isEmpty()) {
            throw invalid(named + " has no \"" + nameProperty + "\" property: every area needs its name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid(named + ": the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asText();
        Geometry shape = switch (type) {
            case "Polygon" -> polygon(geometry.path("coordinates"), named);
            case "MultiPolygon" -> multiPolygon(geometry.path("coordinates"), named);
            default -> throw invalid(named + " is " + (type.isEmpty() ? "no geometry" : "a " + type)
                    + ": an area must be a Polygon or MultiPolygon");
        };
        TopologyValidationError error = new IsValidOp(shape).getValidationError();
        if (error != null) {
            throw invalid(named + " is not a valid polygon: " + error.getMessage() + " at "
                    + position(error.getCoordinate()));
        }
        return ServiceArea.of(name, index, shape);
    }

    private Geometry multiPolygon(JsonNode polygons, Feature feature) {
        if (!polygons.isArray() || polygons.isEmpty()) {
            throw invalid(feature + ": a MultiPolygon's coordinates must be a list of polygons");
        }
        Polygon[] parts = new Polygon[polygons.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = polygon(polygons.get(i), feature);
        }
        return SHAPES.createMultiPolygon(parts);
    }

    private Polygon polygon(JsonNode rings, Feature feature) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw invalid(feature + ": a Polygon's coordinates must be a list of rings, the outer ring first");
        }
        LinearRing shell = ring(rings.get(0), feature);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), feature);
        }
        return SHAPES.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode positions, Feature feature) {
        if (!positions.isArray() || positions.size() < 4) {
            throw invalid(feature + ": a ring needs at least four positions, the last the same as the first");
        }
        Coordinate[] points = new Coordinate[positions.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = position(positions.get(i), feature);
        }
        if (!points[0].equals2D(points[points.length - 1])) {
            throw invalid(feature + ": a ring is not closed: it starts at " + position(points[0]) + " and ends at "
                    + position(points[points.length - 1]) + "; repeat the first position at the end");
        }
        return SHAPES.createLinearRing(points);
    }

    private Coordinate position(JsonNode position, Feature feature) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw invalid(feature + ": a position must be [longitude, latitude], got " + position);
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw invalid(feature + ": " + position + " is no [longitude, latitude] in degrees");
        }
        return new Coordinate(lon, lat);
    }

    private static String position(Coordinate at) {
        return at == null ? "(unknown)" : "[" + at.x + ", " + at.y + "]";
    }

    private InvalidServiceAreas invalid(String problem) {
        return new InvalidServiceAreas(source + " " + problem);
    }

    /** A feature as messages name it: its place in the file and its name, when it has one. */
    private record Feature(int number, String name) {

        @Override
        public String toString() {
            return "feature " + number + (name.isEmpty() ? "" : " (\"" + name + "\")");
        }
    }
}
