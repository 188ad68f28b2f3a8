package org.civic311.orchestrator.request;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid cell an open request's location is indexed by ({@code service_request.request_cell}): cells of 0.002
 * degrees (about 220 m north to south), numbered row by row of latitude, so that the cells of one row near a point
 * are one range of keys. A circle is covered by one key range per row it touches; the exact distance is checked
 * afterwards. Longitudes do not wrap at 180 degrees: no city straddles that line.
 */
final class RequestCell {

    static final double SIZE = 0.002;
    static final long ROW = 200_000L;
    /** A little less than a degree of the sphere distances are measured on (111,195 m): the box errs on the large side. */
    private static final double METRES_PER_DEGREE = 111_000;
    private static final long LAST_COLUMN = Math.round(360 / SIZE) - 1;

    private RequestCell() {
    }

    /** The key; null without coordinates. The formula is also in changeset 019, which keys the requests before it. */
    static Long of(Double lat, Double lon) {
        if (lat == null || lon == null) {
            return null;
        }
        return row(lat) * ROW + column(lon);
    }

    /** The key ranges, each from and to included, that hold every location within {@code radiusMetres}. */
    static List<long[]> around(double lat, double lon, double radiusMetres) {
        double dLat = radiusMetres / METRES_PER_DEGREE;
        double south = Math.max(-90, lat - dLat);
        double north = Math.min(90, lat + dLat);
        // The box is widest in longitude on its side farthest from the equator.
        double cos = Math.cos(Math.toRadians(Math.max(Math.abs(south), Math.abs(north))));
        long west;
        long east;
        if (cos < 1e-6 || radiusMetres / (METRES_PER_DEGREE * cos) >= 180) {
            west = 0;
            east = LAST_COLUMN;
        } else {
            double dLon = radiusMetres / (METRES_PER_DEGREE * cos);
            west = Math.max(0, column(Math.max(-180, lon - dLon)));
            east = Math.min(LAST_COLUMN, column(Math.min(180, lon + dLon)));
        }
        List<long[]> ranges = new ArrayList<>();
        for (long row = row(south); row <= row(north); row++) {
            ranges.add(new long[] {row * ROW + west, row * ROW + east});
        }
        return ranges;
    }

    private static long row(double lat) {
        return (long) Math.floor((lat + 90) / SIZE);
    }

    private static long column(double lon) {
        // Longitude 180 is -180: the last column, not one past it.
        return Math.min(LAST_COLUMN, (long) Math.floor((lon + 180) / SIZE));
    }

    /** The great-circle distance in metres (haversine, on the mean Earth radius). */
    static double metresBetween(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
