package org.civic311.orchestrator.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The equity rule on a constructed disparity: one ward much slower and less often on time than the rest. */
class ServiceEquityTest {

    /** Bucket [12,24) h and [120,168) h. */
    static final int FAST = 5, SLOW = 11;

    @Test
    void flagsTheAreaThatFallsWellBehindAndOnlyIt() {
        Map<List<String>, Measures> byArea = new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
        byArea.put(List.of("pothole", "Ward A"), closed(40, FAST, 38));
        byArea.put(List.of("pothole", "Ward B"), closed(30, SLOW, 12));
        // As slow as B, but too few requests to say so.
        byArea.put(List.of("pothole", "Ward C"), closed(10, SLOW, 2));
        Measures city = new Measures();
        byArea.values().forEach(city::add);

        List<ServiceEquity.Row> rows = ServiceEquity.compare(byArea, Map.of("pothole", city));

        // City: 80 closed, the 40th at the top of [12,24) = 24 h. Ward B: the 15th of 30 halfway into [120,168) = 144 h.
        ServiceEquity.Row b = rows.get(1);
        assertThat(b.area()).isEqualTo("Ward B");
        assertThat(city.medianDaysToClose()).isCloseTo(1.0, within(1e-9));
        assertThat(b.ratio()).isCloseTo(6.0, within(1e-9));
        // 12/30 on time against 40/50 in the rest of the city: pooled 0.65, z = -0.4 / 0.1101 = -3.63
        assertThat(b.z()).isCloseTo(-3.631, within(0.001));
        assertThat(b.flags()).containsExactly("slower", "less often on time");

        assertThat(rows.get(0).area()).isEqualTo("Ward A");
        assertThat(rows.get(0).flagged()).isFalse();
        assertThat(rows.get(2).area()).isEqualTo("Ward C");
        assertThat(rows.get(2).ratio()).isGreaterThan(ServiceEquity.SLOWER_RATIO);
        assertThat(rows.get(2).flagged()).isFalse();
    }

    @Test
    void aSmallDifferenceIsNoFlag() {
        Map<List<String>, Measures> byArea = new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
        byArea.put(List.of("graffiti", "Ward A"), closed(50, FAST, 40));
        byArea.put(List.of("graffiti", "Ward B"), closed(50, FAST, 36));
        Measures city = new Measures();
        byArea.values().forEach(city::add);

        // 36/50 against 40/50: z = -0.94
        assertThat(ServiceEquity.compare(byArea, Map.of("graffiti", city))).noneMatch(ServiceEquity.Row::flagged);
    }

    @Test
    void zScoreOfTwoProportions() {
        assertThat(ServiceEquity.zScore(12, 30, 40, 50)).isCloseTo(-3.631, within(0.001));
        assertThat(ServiceEquity.zScore(5, 10, 0, 0)).isNull();
        assertThat(ServiceEquity.zScore(10, 10, 20, 20)).isNull();
    }

    static Measures closed(int count, int bucket, int onTime) {
        Measures m = new Measures().set(Measures.Sum.RECEIVED, count).set(Measures.Sum.CLOSED, count)
                .set(Measures.Sum.CLOSED_WITH_TARGET, count).set(Measures.Sum.CLOSED_ON_TIME, onTime);
        m.closeHours[bucket] = count;
        return m;
    }
}
