package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civic311.connectors.Redaction;
import org.junit.jupiter.api.Test;

class ReplyTokenTest {

    final ReplyTokens tokens = new ReplyTokens("city-secret-0123456789");

    @Test
    void tokenNamesTaskAndDepartmentAndIsSigned() {
        ReplyToken token = tokens.issue("42", "streets");

        assertThat(token.toString()).matches("C311-42\\.streets\\.[0-9a-f]{20}");
        assertThat(tokens.isGenuine(token)).isTrue();
    }

    @Test
    void sameTaskAlwaysGetsTheSameTokenSoEveryCopyOfTheEmailWorks() {
        assertThat(tokens.issue("k3v8q2m5x7a9c4d6e2f8", "streets")).isEqualTo(tokens.issue("k3v8q2m5x7a9c4d6e2f8", "streets"));
        assertThat(tokens.issue("42", "streets")).isNotEqualTo(tokens.issue("43", "streets"));
    }

    @Test
    void alteredSignatureIsRejected() {
        ReplyToken token = tokens.issue("42", "streets");
        char last = token.signature().charAt(19);
        String altered = token.signature().substring(0, 19) + (last == 'a' ? 'b' : 'a');

        assertThat(tokens.isGenuine(new ReplyToken("42", "streets", altered))).isFalse();
    }

    @Test
    void signatureCopiedOntoAnotherTaskOrDepartmentIsRejected() {
        String signature = tokens.issue("42", "streets").signature();

        assertThat(tokens.isGenuine(new ReplyToken("43", "streets", signature))).isFalse();
        assertThat(tokens.isGenuine(new ReplyToken("42", "parks", signature))).isFalse();
    }

    @Test
    void tokenSignedWithAnotherCitysSecretIsRejected() {
        ReplyToken elsewhere = new ReplyTokens("other-secret-0123456789").issue("42", "streets");

        assertThat(tokens.isGenuine(elsewhere)).isFalse();
    }

    @Test
    void findsTokensWhereverMailClientsCarryThem() {
        ReplyToken token = tokens.issue("42", "streets");

        assertThat(ReplyToken.find("<" + token + "@civic311>")).containsExactly(token);
        assertThat(ReplyToken.find("RE: [SR-2026-000001] Pothole at 12 Main St [ref:" + token + "]"))
                .containsExactly(token);
        assertThat(ReplyToken.find("> Reference: " + token + "\n")).containsExactly(token);
        ReplyToken other = tokens.issue("43", "streets");
        assertThat(ReplyToken.find("<" + token + "@civic311> <" + other + "@civic311>"))
                .containsExactly(token, other);
    }

    @Test
    void textThatOnlyResemblesATokenIsNoToken() {
        ReplyToken token = tokens.issue("42", "streets");

        assertThat(ReplyToken.find(null)).isEmpty();
        assertThat(ReplyToken.find("SR-2026-000001 and C311-42 are not references")).isEmpty();
        assertThat(ReplyToken.find("X" + token)).isEmpty();
        assertThat(ReplyToken.find(token + "00")).isEmpty();
        assertThat(ReplyToken.find(token.toString().toUpperCase())).isEmpty();
    }

    @Test
    void taskIdsAndDepartmentsThatCannotBeReadBackAreRefused() {
        assertThatThrownBy(() -> tokens.issue("42.1", "streets")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("42", "Streets")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyTokens("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensAreIssuedOnlyForTaskKeysAndWhatIsIssuedIsWhatRedactionTakesOut() {
        ReplyToken token = tokens.issue("k3v8q2m5x7a9c4d6e2f8", "parks_and-rec");

        assertThat(Redaction.withoutReferences("Done, " + token + ".")).isEqualTo("Done, [reference].");
        assertThatThrownBy(() -> tokens.issue("task_7-b", "streets")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("k3v8q2m5x7a9c4d6e2f8a", "streets"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
