package org.civic311.orchestrator.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Service areas from GeoJSON: the demo's file, and each kind of file that must stop the start. */
class GeoJsonAreasTest {

    static final Path DEMO_AREAS = Path.of("demo/src/main/resources/service-areas/demo-areas.geojson");

    @Test
    void theDemoAreasPlaceCityHallInItsWardAndAParkOverTheWardAroundIt() throws IOException {
        ServiceAreas areas;
        try (InputStream in = Files.newInputStream(DEMO_AREAS)) {
            areas = new GeoJsonAreas("demo", "name").read(in);
        }

        assertThat(areas.size()).isEqualTo(4);
        assertThat(areas.nameAt(41.8837, -87.6324)).as("121 N LaSalle St").isEqualTo("Ward 42");
        assertThat(areas.nameAt(41.8700, -87.6300)).as("south of Madison, west of the park").isEqualTo("Ward 4");
        // Grant Park lies inside Ward 4 as well: the park is listed first, so it wins.
        assertThat(areas.nameAt(41.8760, -87.6190)).isEqualTo("Grant Park");
        assertThat(areas.nameAt(41.8830, -87.6230)).isEqualTo("Millennium Park");
        assertThat(areas.nameAt(41.9500, -87.6500)).as("Wrigleyville, outside every area").isNull();
        assertThat(areas.nameAt(null, null)).as("located by address only").isNull();
    }

    @Test
    void aPointOnTheLineBetweenTwoWardsHasTheFirstWard() throws IOException {
        ServiceAreas areas = read(collection(feature("Ward 42", box(-87.645, 41.8815, -87.61, 41.896)),
                feature("Ward 4", box(-87.645, 41.86, -87.61, 41.8815))));

        assertThat(areas.nameAt(41.8815, -87.63)).isEqualTo("Ward 42");
    }

    @Test
    void aMultiPolygonWithAHoleCoversItsPartsButNotTheHole() throws IOException {
        String parts = "[[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]],"
                + "[[[20,0],[30,0],[30,10],[20,10],[20,0]]]]";
        ServiceAreas areas = read(collection("{\"type\":\"Feature\",\"properties\":{\"ward\":7},"
                + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":" + parts + "}}"), "ward");

        assertThat(areas.nameAt(2.0, 2.0)).isEqualTo("7");
        assertThat(areas.nameAt(5.0, 25.0)).isEqualTo("7");
        assertThat(areas.nameAt(5.0, 5.0)).as("in the hole").isNull();
    }

    @Test
    void aFileThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> read("wards: [1, 2]"))
                .isInstanceOf(InvalidServiceAreas.class)
                .hasMessageStartingWith("areas.geojson is not JSON");
    }

    @Test
    void jsonThatIsNoFeatureCollectionIsRefused() {
        assertThatThrownBy(() -> read("{\"type\": \"Feature\", \"geometry\": null}"))
                .isInstanceOf(InvalidServiceAreas.class)
                .hasMessageContaining("is not a GeoJSON FeatureCollection");
        assertThatThrownBy(() -> read(collection()))
                .hasMessageContaining("has no features");
    }

    @Test
    void aSelfIntersectingBoundaryIsRefusedNamingTheFeatureAndThePoint() {
        String bowTie = "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]";

        assertThatThrownBy(() -> read(collection(feature("Ward 1", box(-1, -1, 0, 0)), feature("Ward 2", bowTie))))
                .isInstanceOf(InvalidServiceAreas.class)
                .hasMessage("areas.geojson feature 2 (\"Ward 2\") is not a valid polygon: Self-intersection at [5.0, 5.0]");
    }

    @Test
    void aRingThatIsNotClosedIsRefused() {
        String open = "[[[0,0],[10,0],[10,10],[0,10],[0,1]]]";

        assertThatThrownBy(() -> read(collection(feature("Ward 3", open))))
                .isInstanceOf(InvalidServiceAreas.class)
                .hasMessage("areas.geojson feature 1 (\"Ward 3\"): a ring is not closed: it starts at [0.0, 0.0] and"
                        + " ends at [0.0, 1.0]; repeat the first position at the end");
    }

    @Test
    void aFeatureWithoutItsNameIsRefused() {
        String nameless = "{\"type\":\"Feature\",\"properties\":{\"id\":3},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + box(0, 0, 1, 1) + "}}";

        assertThatThrownBy(() -> read(collection(feature("Ward 1", box(-1, -1, 0, 0)), nameless)))
                .isInstanceOf(InvalidServiceAreas.class)
                .hasMessage("areas.geojson feature 2 has no \"name\" property: every area needs its name");
    }

    @Test
    void aGeometryThatIsNoAreaIsRefused() {
        String line = "{\"type\":\"Feature\",\"properties\":{\"name\":\"Main St\"},"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}}";

        assertThatThrownBy(() -> read(collection(line)))
                .hasMessage("areas.geojson feature 1 (\"Main St\") is a LineString: an area must be a Polygon or"
                        + " MultiPolygon");
    }

    @Test
    void latitudeAndLongitudeSwappedOutOfRangeAreRefused() {
        assertThatThrownBy(() -> read(collection(feature("Ward 5", "[[[41.8,-87.6],[41.9,-87.6],[41.9,-97.5],"
                + "[41.8,-97.5],[41.8,-87.6]]]"))))
                .hasMessageContaining("feature 1 (\"Ward 5\"): [41.9,-97.5] is no [longitude, latitude] in degrees");
    }

    private static ServiceAreas read(String geoJson) throws IOException {
        return read(geoJson, "name");
    }

    private static ServiceAreas read(String geoJson, String nameProperty) throws IOException {
        return new GeoJsonAreas("areas.geojson", nameProperty)
                .read(new ByteArrayInputStream(geoJson.getBytes(StandardCharsets.UTF_8)));
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String feature(String name, String polygon) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + polygon + "}}";
    }

    static String box(double west, double south, double east, double north) {
        return "[[[" + west + "," + south + "],[" + east + "," + south + "],[" + east + "," + north + "],[" + west
                + "," + north + "],[" + west + "," + south + "]]]";
    }
}
