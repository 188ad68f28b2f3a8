package org.civic311.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void sha256OfTheUtf8TextInLowerCaseHex() {
        // FIPS 180-2's example, and a text beyond ASCII
        assertThat(Digest.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digest.sha256Hex("é")).hasSize(64).isNotEqualTo(Digest.sha256Hex("e"));
    }
}
