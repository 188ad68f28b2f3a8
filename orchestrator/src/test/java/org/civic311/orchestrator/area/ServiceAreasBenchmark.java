package org.civic311.orchestrator.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * How fast a request's area is found in a large city's file: 50 wards and 1,000 parks drawn as 64-sided polygons.
 * A harness, not a test: its name keeps it out of the default run; it prints what it measured and checks only that
 * the answers are right. Run it with {@code mvn -o -pl orchestrator test -Dtest=ServiceAreasBenchmark}.
 */
class ServiceAreasBenchmark {

    static final int WARDS_EAST_WEST = 10;
    static final int WARDS_NORTH_SOUTH = 5;
    static final int PARKS = 1_000;
    static final int SIDES = 64;
    static final int LOOKUPS = 1_000_000;

    static final double WEST = -87.94;
    static final double SOUTH = 41.64;
    static final double WARD = 0.05;

    @Test
    void measure() throws Exception {
        List<String> features = new ArrayList<>();
        Random random = new Random(311);
        double[][] parks = new double[PARKS][];
        for (int i = 0; i < PARKS; i++) {
            double lon = WEST + random.nextDouble() * WARD * WARDS_EAST_WEST;
            double lat = SOUTH + random.nextDouble() * WARD * WARDS_NORTH_SOUTH;
            parks[i] = new double[] {lat, lon};
            features.add(GeoJsonAreasTest.feature("Park " + i, circle(lon, lat, 0.002)));
        }
        for (int x = 0; x < WARDS_EAST_WEST; x++) {
            for (int y = 0; y < WARDS_NORTH_SOUTH; y++) {
                features.add(GeoJsonAreasTest.feature("Ward " + (x * WARDS_NORTH_SOUTH + y + 1), GeoJsonAreasTest.box(
                        WEST + x * WARD, SOUTH + y * WARD, WEST + (x + 1) * WARD, SOUTH + (y + 1) * WARD)));
            }
        }
        byte[] file = GeoJsonAreasTest.collection(features.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);

        long reading = System.nanoTime();
        ServiceAreas areas = new GeoJsonAreas("benchmark", "name").read(new ByteArrayInputStream(file));
        double readSeconds = (System.nanoTime() - reading) / 1e9;
        assertThat(areas.nameAt(parks[7][0], parks[7][1])).startsWith("Park ");
        assertThat(areas.nameAt(SOUTH + 0.001, WEST + 0.001)).isIn("Ward 1", "Park 0");

        double[][] points = new double[LOOKUPS][];
        for (int i = 0; i < LOOKUPS; i++) {
            points[i] = new double[] {SOUTH + random.nextDouble() * WARD * WARDS_NORTH_SOUTH,
                WEST + random.nextDouble() * WARD * WARDS_EAST_WEST};
        }
        for (int i = 0; i < 100_000; i++) {
            areas.nameAt(points[i][0], points[i][1]);
        }
        long inPark = 0;
        long outside = 0;
        long looking = System.nanoTime();
        for (double[] point : points) {
            String name = areas.nameAt(point[0], point[1]);
            if (name == null) {
                outside++;
            } else if (name.startsWith("Park")) {
                inPark++;
            }
        }
        double lookSeconds = (System.nanoTime() - looking) / 1e9;
        assertThat(outside).as("points outside every ward").isZero();
        System.out.printf(Locale.ROOT, "%n%d areas (%,d bytes of GeoJSON) read and indexed in %.2f s; %,d lookups in"
                        + " %.2f s: %.1f µs each, %,.0f a second (%,d in a park)%n", areas.size(), file.length,
                readSeconds, LOOKUPS, lookSeconds, lookSeconds * 1e6 / LOOKUPS, LOOKUPS / lookSeconds, inPark);
    }

    private static String circle(double lon, double lat, double radius) {
        StringBuilder ring = new StringBuilder("[[");
        for (int i = 0; i <= SIDES; i++) {
            double angle = 2 * Math.PI * (i % SIDES) / SIDES;
            ring.append(i == 0 ? "" : ",").append('[').append(lon + radius * Math.cos(angle)).append(',')
                    .append(lat + radius * Math.sin(angle)).append(']');
        }
        return ring.append("]]").toString();
    }
}
