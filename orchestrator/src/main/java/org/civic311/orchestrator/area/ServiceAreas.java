package org.civic311.orchestrator.area;

import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The city's wards, districts and service zones, asked which one a location lies in. Indexed once (an R-tree on the
 * areas' bounding boxes), so a lookup tests only the few shapes whose box holds the point.
 */
public class ServiceAreas {

    /** No areas configured: every request's area is null. */
    public static final ServiceAreas NONE = new ServiceAreas(List.of());

    private static final GeometryFactory POINTS = new GeometryFactory();

    private final STRtree index = new STRtree();
    private final int size;

    ServiceAreas(List<ServiceArea> areas) {
        areas.forEach(area -> index.insert(area.shape().getGeometry().getEnvelopeInternal(), area));
        index.build();
        this.size = areas.size();
    }

    /**
     * The name of the area the location lies in; where areas overlap, the one listed first in the file.
     *
     * @return null when the location has no coordinates or lies outside every area
     */
    public String nameAt(Double lat, Double lon) {
        if (lat == null || lon == null || size == 0) {
            return null;
        }
        // GeoJSON and JTS put the longitude first.
        Point point = POINTS.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<ServiceArea> candidates = index.query(new Envelope(point.getCoordinate()));
        return candidates.stream()
                .filter(area -> area.covers(point))
                .min(Comparator.comparingInt(ServiceArea::order))
                .map(ServiceArea::name)
                .orElse(null);
    }

    /** How many areas there are. */
    public int size() {
        return size;
    }
}
