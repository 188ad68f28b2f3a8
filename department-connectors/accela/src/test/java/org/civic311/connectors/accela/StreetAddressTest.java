package org.civic311.connectors.accela;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One-line addresses as residents and Open311 apps write them, split into Accela's street parts. */
class StreetAddressTest {

    @Test
    void numberDirectionNameAndSuffixAreSplitAndAbbreviated() {
        assertThat(StreetAddress.parse("121 North LaSalle Street, Chicago, IL 60602"))
                .contains(new StreetAddress(121, "N", "LaSalle", "ST"));
        assertThat(StreetAddress.parse("4400 Martin Luther King Jr Dr"))
                .contains(new StreetAddress(4400, null, "Martin Luther King Jr", "DR"));
    }

    @Test
    void aStreetCalledLikeASuffixOrADirectionKeepsItsName() {
        assertThat(StreetAddress.parse("12 Broadway")).contains(new StreetAddress(12, null, "Broadway", null));
        assertThat(StreetAddress.parse("7 West Ave")).contains(new StreetAddress(7, null, "West", "AVE"));
    }

    @Test
    void anAddressWithoutAHouseNumberIsNotSplit() {
        assertThat(StreetAddress.parse("Corner of State and Madison")).isEmpty();
        assertThat(StreetAddress.parse(null)).isEmpty();
    }
}
