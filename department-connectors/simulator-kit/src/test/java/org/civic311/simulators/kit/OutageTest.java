package org.civic311.simulators.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutageTest {

    private final Outage outage = new Outage();

    @Test
    void aDownSystemRefusesEveryCallUntilItComesBack() {
        assertThat(outage.refuse()).isFalse();
        outage.goDown();
        assertThat(outage.refuse()).isTrue();
        assertThat(outage.refuse()).isTrue();
        outage.comeBack();
        assertThat(outage.refuse()).isFalse();
        assertThat(outage.refused()).isEqualTo(2);
    }

    @Test
    void losesExactlyTheAnswersAskedFor() {
        outage.loseNext(2);
        assertThat(outage.loseThisResponse()).isTrue();
        assertThat(outage.loseThisResponse()).isTrue();
        assertThat(outage.loseThisResponse()).isFalse();
        assertThat(outage.lost()).isEqualTo(2);
        assertThatThrownBy(() -> outage.loseNext(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsFaultsAndCounts() {
        outage.goDown();
        outage.refuse();
        outage.loseNext(1);
        outage.reset();
        assertThat(outage.isDown()).isFalse();
        assertThat(outage.loseThisResponse()).isFalse();
        assertThat(outage.refused()).isZero();
    }
}
