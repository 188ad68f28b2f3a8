package org.civic311.orchestrator.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The grid key open requests are indexed by: every location within the radius lies in one of the key ranges. */
class RequestCellTest {

    @Test
    void everyPointWithinTheRadiusLiesInTheRangesAskedFor() {
        Random random = new Random(311);
        for (double[] centre : new double[][] {{41.8837, -87.6324}, {0.0005, 0.0005}, {-33.87, 151.21}, {64.15, -21.94},
                {41.8, 179.99}}) {
            for (int i = 0; i < 20_000; i++) {
                double radius = 1 + random.nextDouble() * 1000;
                List<long[]> ranges = RequestCell.around(centre[0], centre[1], radius);
                double lat = centre[0] + (random.nextDouble() * 2 - 1) * 0.012;
                double lon = Math.max(-180, Math.min(180, centre[1] + (random.nextDouble() * 2 - 1) * 0.02));
                if (RequestCell.metresBetween(centre[0], centre[1], lat, lon) <= radius) {
                    long key = RequestCell.of(lat, lon);
                    assertThat(ranges).as("%s,%s within %s m of %s,%s", lat, lon, radius, centre[0], centre[1])
                            .anyMatch(range -> range[0] <= key && key <= range[1]);
                }
            }
        }
    }

    @Test
    void aCityBlockRadiusIsAFewRangesOfAFewCells() {
        List<long[]> ranges = RequestCell.around(41.8837, -87.6324, 250);
        assertThat(ranges).hasSizeBetween(2, 4);
        assertThat(ranges).allMatch(range -> range[1] - range[0] <= 4);
        assertThat(RequestCell.around(41.8837, -87.6324, 1000)).hasSizeBetween(9, 11);
    }

    @Test
    void distancesAreGreatCircleMetres() {
        // One thousandth of a degree of latitude is 111.2 m on the mean Earth radius.
        assertThat(RequestCell.metresBetween(41.0, -87.0, 41.001, -87.0)).isBetween(111.1, 111.3);
        assertThat(RequestCell.metresBetween(41.8837, -87.6324, 41.8837, -87.6324)).isZero();
    }

    @Test
    void aRequestWithoutCoordinatesHasNoCell() {
        assertThat(RequestCell.of(null, -87.6)).isNull();
        assertThat(RequestCell.of(41.8, null)).isNull();
    }
}
