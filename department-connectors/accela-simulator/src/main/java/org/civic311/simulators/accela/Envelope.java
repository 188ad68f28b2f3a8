package org.civic311.simulators.accela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Accela's success envelope: {@code {"status":200,"result":...}}, plus {@code page} on paged lists.
 * <p>
 * Responses are built as JSON trees rather than Java beans so that the host application's Jackson
 * settings (naming strategy, null inclusion) cannot change the shapes a client sees.
 * <p>
 * An empty list leaves {@code result} out, as Accela's search does ("returned only if data exists"):
 * a client has to treat a missing result as no results.
 */
final class Envelope {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Envelope() {
    }

    static ObjectNode of(JsonNode result) {
        ObjectNode envelope = JSON.objectNode().put("status", 200);
        if (!(result instanceof ArrayNode list && list.isEmpty())) {
            envelope.set("result", result);
        }
        return envelope;
    }

    /** One page of a longer list: {@code page} says where it starts and whether there is more. */
    static ObjectNode page(ArrayNode items, Paging paging, int total) {
        ObjectNode envelope = of(items);
        envelope.putObject("page")
                .put("offset", paging.offset())
                .put("limit", paging.limit())
                .put("total", total)
                .put("hasmore", paging.offset() + items.size() < total);
        return envelope;
    }
}
