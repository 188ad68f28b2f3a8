package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civic311.orchestrator.open311.Open311Client.child;
import static org.civic311.orchestrator.open311.Open311Client.children;
import static org.civic311.orchestrator.open311.Open311Client.names;
import static org.civic311.orchestrator.open311.Open311Client.text;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

/** GET services, GET services/{service_code}, service discovery and jurisdiction_id, in both formats. */
class ServicesConformanceTest extends Open311ConformanceTest {

    /** The request types of processes/, deployed at start. */
    private static final List<String> CATALOGUE = List.of("pothole", "damaged_tree", "high_weeds",
            "missed_collection", "damaged_cart", "street_light_out", "graffiti", "abandoned_vehicle", "illegal_parking",
            "traffic_signal_sign", "dead_animal", "illegal_dumping", "bulky_item");

    @BeforeEach
    void abandonedBoat() {
        deployAbandonedBoat();
    }

    @Test
    void theServiceListIsTheDeployedRequestTypesInTheSpecsShape() {
        JsonNode services = api.get(V2 + "/services.json").json();
        assertThat(services.isArray()).isTrue();
        assertThat(services.findValuesAsText("service_code")).containsAll(CATALOGUE).contains("abandoned_boat")
                .doesNotContain("department-work", "resident-follow-up", "department-withdrawal");
        JsonNode pothole = find(services, "pothole");
        assertThat(pothole.get("service_code").isTextual()).as("codes are strings").isTrue();
        assertThat(pothole.get("service_name").asText()).isEqualTo("Pothole");
        assertThat(pothole.get("description").asText()).isEqualTo("A hole or sunken patch in the road surface.");
        assertThat(pothole.get("metadata").asBoolean()).isTrue();
        assertThat(pothole.get("type").asText()).isEqualTo("realtime");
        assertThat(pothole.get("keywords").asText()).isEqualTo("pothole,road,street,hole,pavement");
        assertThat(pothole.get("group").asText()).isEqualTo("Streets and Sidewalks");

        Element xml = api.get(V2 + "/services.xml").xml();
        assertThat(xml.getTagName()).isEqualTo("services");
        assertThat(children(xml).stream().map(s -> text(s, "service_code"))).containsAll(CATALOGUE)
                .contains("abandoned_boat").doesNotContain("department-work");
        Element service = children(xml).stream().filter(s -> "pothole".equals(text(s, "service_code"))).findFirst()
                .orElseThrow();
        assertThat(service.getTagName()).isEqualTo("service");
        assertThat(names(service)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(text(service, "metadata")).isEqualTo("true");
        assertThat(text(service, "type")).isEqualTo("realtime");
        SparkConvention.assertSameContent(api.get(V2 + "/services.json"), api.get(V2 + "/services.xml"));
    }

    @Test
    void everyRequestTypeOfTheCatalogueHasItsGroupKeywordsAndQuestions() {
        JsonNode services = api.get(V2 + "/services.json").json();
        for (String code : CATALOGUE) {
            JsonNode service = find(services, code);
            assertThat(service.get("group").asText()).as(code).isNotBlank();
            assertThat(service.get("keywords").asText()).as(code).isNotBlank();
            assertThat(service.get("metadata").asBoolean()).as(code).isTrue();
            JsonNode attributes = api.get(V2 + "/services/" + code + ".json").json().get("attributes");
            assertThat(attributes).as(code + ": its own questions").isNotEmpty();
        }
        JsonNode items = api.get(V2 + "/services/bulky_item.json").json().get("attributes").get(0);
        assertThat(items.get("code").asText()).isEqualTo("items");
        assertThat(items.get("datatype").asText()).isEqualTo("multivaluelist");
    }

    @Test
    void thePotholeDefinitionAsksWhetherItIsDangerousAndHowBigItIs() {
        JsonNode definition = api.get(V2 + "/services/pothole.json").json();
        assertThat(definition.isObject()).isTrue();
        assertThat(definition.get("service_code").asText()).isEqualTo("pothole");
        JsonNode hazard = definition.get("attributes").get(0);
        assertThat(hazard.get("variable").asBoolean()).isTrue();
        assertThat(hazard.get("code").asText()).isEqualTo("hazard");
        assertThat(hazard.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(hazard.get("required").asBoolean()).isTrue();
        assertThat(hazard.get("datatype_description").asText()).startsWith("Answer yes if someone could be hurt");
        assertThat(hazard.get("order").asInt()).isEqualTo(1);
        assertThat(hazard.get("description").asText()).isEqualTo("Is it a danger to people, bikes or vehicles right now?");
        assertThat(hazard.get("values").findValuesAsText("key")).containsExactly("yes", "no");
        assertThat(hazard.get("values").findValuesAsText("name")).containsExactly("Yes, it is dangerous", "No");
        JsonNode size = definition.get("attributes").get(1);
        assertThat(size.get("code").asText()).isEqualTo("size");
        assertThat(size.get("required").asBoolean()).isFalse();
        assertThat(size.get("order").asInt()).isEqualTo(2);
        assertThat(size.get("values").findValuesAsText("key")).containsExactly("small", "medium", "large");

        Element xml = api.get(V2 + "/services/pothole.xml").xml();
        assertThat(xml.getTagName()).isEqualTo("service_definition");
        assertThat(names(xml)).containsExactly("service_code", "attributes");
        Element attribute = children(child(xml, "attributes")).get(0);
        assertThat(attribute.getTagName()).isEqualTo("attribute");
        assertThat(names(attribute)).containsExactly("variable", "code", "datatype", "required",
                "datatype_description", "order", "description", "values");
        Element value = children(child(attribute, "values")).get(0);
        assertThat(value.getTagName()).isEqualTo("value");
        assertThat(names(value)).containsExactly("key", "name");
        assertThat(text(value, "key")).isEqualTo("yes");
        SparkConvention.assertSameContent(api.get(V2 + "/services/pothole.json"), api.get(V2 + "/services/pothole.xml"));
    }

    @Test
    void eachFormFieldKindOfTheStartEventBecomesAnOpen311Datatype() {
        JsonNode attributes = api.get(V2 + "/services/abandoned_boat.json").json().get("attributes");

        assertThat(attributes.findValuesAsText("code")).containsExactly(
                "notice", "plate", "days", "last_moved", "details", "colour", "damage", "blocking", "weight");
        assertThat(attributes.findValuesAsText("order")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(attributes.findValuesAsText("datatype")).containsExactly(
                "string", "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist",
                "singlevaluelist", "number");
        JsonNode notice = attributes.get(0);
        assertThat(notice.get("variable").asBoolean()).as("an information text only").isFalse();
        assertThat(notice.get("required").asBoolean()).isFalse();
        assertThat(notice.get("description").asText()).startsWith("A vehicle parked legally");
        JsonNode plate = attributes.get(1);
        assertThat(plate.get("required").asBoolean()).isTrue();
        assertThat(plate.get("datatype_description").asText()).isEqualTo("As written on the plate, e.g. ABC 1234");
        assertThat(plate.has("values")).as("only lists have values").isFalse();
        assertThat(attributes.get(2).has("datatype_description")).isFalse();
        assertThat(attributes.get(6).get("values").findValuesAsText("key")).containsExactly("windows", "tires", "body");
        JsonNode blocking = attributes.get(7);
        assertThat(blocking.get("required").asBoolean()).isTrue();
        assertThat(blocking.get("values").findValuesAsText("key")).containsExactly("true", "false");

        JsonNode service = find(api.get(V2 + "/services.json").json(), "abandoned_boat");
        assertThat(service.get("group").asText()).isEqualTo("Vehicles");
        assertThat(service.get("metadata").asBoolean()).isTrue();
        SparkConvention.assertSameContent(api.get(V2 + "/services/abandoned_boat.json"),
                api.get(V2 + "/services/abandoned_boat.xml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anUnknownServiceCodeIsNotFound(String format) {
        Open311Client.Answer answer = api.get(V2 + "/services/dragon_sighting." + format);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errors()).containsExactly("service_code 'dragon_sighting' is not offered.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    void anotherJurisdictionIsNotFoundHereButOursOrNoneIsServed(String format) {
        assertThat(api.get(V2 + "/services." + format + "?jurisdiction_id=springfield.example").status()).isEqualTo(200);
        assertThat(api.get(V2 + "/services." + format + "?jurisdiction_id=Springfield.Example").status()).isEqualTo(200);
        assertThat(api.get(V2 + "/services." + format + "?jurisdiction_id=").status()).isEqualTo(200);

        Open311Client.Answer elsewhere = api.get(V2 + "/services/pothole." + format + "?jurisdiction_id=shelbyville.example");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.errors()).containsExactly("jurisdiction_id 'shelbyville.example' was not found.");
        long before = storedRequests();
        Open311Client.Answer post = api.post(V2 + "/requests." + format,
                pothole().add("jurisdiction_id", "shelbyville.example"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(storedRequests()).isEqualTo(before);
        assertThat(api.get(V2 + "/requests." + format + "?jurisdiction_id=shelbyville.example").status()).isEqualTo(404);
    }

    @Test
    void discoveryNamesTheEndpointItsFormatsAndWhenTheServicesLastChanged() {
        JsonNode discovery = api.get("/open311/discovery.json").json();
        assertThat(discovery.isObject()).isTrue();
        assertThat(discovery.get("contact").asText()).isEqualTo("Springfield 311 API team, api@springfield.example");
        assertThat(discovery.get("key_service").asText()).isEqualTo("Ask api@springfield.example for a key.");
        String changeset = discovery.get("changeset").asText();
        String deployed = repository.createDeploymentQuery().deploymentName("abandoned_boat").singleResult()
                .getDeploymentTime().toInstant().toString().substring(0, 19);
        assertThat(changeset).as("the newest deployment of a request type").startsWith(deployed).endsWith("Z");
        assertThat(Instant.parse(changeset)).isBeforeOrEqualTo(Instant.now());
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).isEqualTo("http://127.0.0.1:" + port + "/open311/v2");
        assertThat(endpoint.get("changeset").asText()).isEqualTo(changeset);
        assertThat(endpoint.get("type").asText()).isEqualTo("production");
        assertThat(endpoint.get("formats").isArray()).isTrue();
        assertThat(List.of(endpoint.get("formats").get(0).asText(), endpoint.get("formats").get(1).asText()))
                .containsExactly("text/xml", "application/json");

        Element xml = api.get("/open311/discovery.xml").xml();
        assertThat(xml.getTagName()).isEqualTo("discovery");
        assertThat(names(xml)).containsExactly("changeset", "contact", "key_service", "endpoints");
        Element xmlEndpoint = child(child(xml, "endpoints"), "endpoint");
        assertThat(names(xmlEndpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(children(child(xmlEndpoint, "formats"))).extracting(Element::getTagName).containsOnly("format");
        SparkConvention.assertSameContent(api.get("/open311/discovery.json"), api.get("/open311/discovery.xml"));
    }

    static JsonNode find(JsonNode services, String code) {
        for (JsonNode service : services) {
            if (code.equals(service.get("service_code").asText())) {
                return service;
            }
        }
        throw new AssertionError("no service " + code + " in " + services);
    }
}
