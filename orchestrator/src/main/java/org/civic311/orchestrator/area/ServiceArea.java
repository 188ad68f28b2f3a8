package org.civic311.orchestrator.area;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * One ward, district or service zone: its name, as routing rules test it and reports group by it, and its shape.
 *
 * @param order where it stands in the file: where areas overlap, the first one wins
 */
record ServiceArea(String name, int order, PreparedGeometry shape) {

    static ServiceArea of(String name, int order, Geometry shape) {
        return new ServiceArea(name, order, PreparedGeometryFactory.prepare(shape));
    }

    /** A point on the boundary counts as inside: a report on the line between two wards still has a ward. */
    boolean covers(Point point) {
        return shape.covers(point);
    }
}
