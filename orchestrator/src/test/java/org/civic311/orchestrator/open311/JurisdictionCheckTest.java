package org.civic311.orchestrator.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A city that configures no jurisdiction_id serves whatever a client sends; one that does, only its own. */
class JurisdictionCheckTest {

    @Test
    void withoutAConfiguredJurisdictionAnyIsServed() {
        assertThat(new JurisdictionCheck(null).preHandle(call("anywhere.example"), new MockHttpServletResponse(), null))
                .isTrue();
    }

    @Test
    void withOneConfiguredAnotherIsNotFound() {
        JurisdictionCheck springfield = new JurisdictionCheck("springfield.example");

        assertThat(springfield.preHandle(call(null), new MockHttpServletResponse(), null)).isTrue();
        assertThat(springfield.preHandle(call(" Springfield.example "), new MockHttpServletResponse(), null)).isTrue();
        assertThatThrownBy(() -> springfield.preHandle(call("shelbyville.example"), new MockHttpServletResponse(), null))
                .isInstanceOfSatisfying(Open311Exception.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.errors()).extracting(Open311Error::description)
                            .containsExactly("jurisdiction_id 'shelbyville.example' was not found.");
                });
    }

    static MockHttpServletRequest call(String jurisdictionId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/open311/v2/services.xml");
        if (jurisdictionId != null) {
            request.addParameter("jurisdiction_id", jurisdictionId);
        }
        return request;
    }
}
