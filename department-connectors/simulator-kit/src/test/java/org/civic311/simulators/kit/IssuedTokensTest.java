package org.civic311.simulators.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IssuedTokensTest {

    private final IssuedTokens<String> tokens = new IssuedTokens<>(32);

    @Test
    void eachTokenIsNewOpaqueAndStandsForItsGrant() {
        String alice = tokens.issue("alice");
        String bob = tokens.issue("bob");

        assertThat(alice).isNotEqualTo(bob).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.find(alice)).contains("alice");
        assertThat(tokens.find("never-issued")).isEmpty();
        assertThat(tokens.find(null)).isEmpty();
    }

    @Test
    void aWithdrawnTokenIsWithdrawnOnce() {
        String once = tokens.issue("refresh");

        assertThat(tokens.withdraw(once, "refresh")).isTrue();
        assertThat(tokens.withdraw(once, "refresh")).isFalse();
        assertThat(tokens.find(once)).isEmpty();
    }

    @Test
    void everyGrantCanBeChangedAtOnce() {
        String token = tokens.issue("valid");

        tokens.changeAll(grant -> "expired");

        assertThat(tokens.find(token)).contains("expired");
    }
}
