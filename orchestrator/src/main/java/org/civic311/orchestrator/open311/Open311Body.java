package org.civic311.orchestrator.open311;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An Open311 answer: in JSON its content alone; in XML the content under the root element, e.g.
 * {@code services} (see {@link Open311XmlConverter}).
 *
 * @param root    the XML root element
 * @param content a list or a record made of the response types of this package
 */
record Open311Body(String root, @JsonValue Object content) {
}
