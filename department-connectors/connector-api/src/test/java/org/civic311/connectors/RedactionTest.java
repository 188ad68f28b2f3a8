package org.civic311.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    static final String REFERENCE = "C311-42.streets.0a1b2c3d4e5f60718293";

    @Test
    void contactDetailsReferencesQuotesAndSignaturesAreNotPublished() {
        String reply = """
                Filled and compacted. Call me on (312) 555-0199 or +1 312 555 0142, or write to
                bob.smith@streets.city.gov. [ref:C311-42.streets.0a1b2c3d4e5f60718293]
                --\u0020
                Bob Smith, Streets, 312-555-0100

                On Tue, 1 Dec 2026, Civic311 <civic311@city.gov> wrote:
                > Deep pothole, reported by jane@example.org
                """;

        String published = Redaction.forPublic(reply);

        assertThat(published).isEqualTo("""
                Filled and compacted. Call me on [phone number] or [phone number], or write to
                [email address]. [reference]""");
    }

    @Test
    void trackingNumbersDatesAndOrdinaryNumbersStay() {
        String text = "SR-2026-000123 done on 2026-12-01 10:30, 3 bags of asphalt, work order 48213.";

        assertThat(Redaction.forPublic(text)).isEqualTo(text);
    }

    @Test
    void everythingShapedLikeAReferenceIsRedactedGenuineOrNotInAnyCase() {
        assertThat(Redaction.withoutReferences("Closed " + REFERENCE + ", see <" + REFERENCE + "@civic311>"))
                .isEqualTo("Closed [reference], see <[reference]@civic311>");
        assertThat(Redaction.withoutReferences("ref" + REFERENCE.toUpperCase() + "00")).isEqualTo("ref[reference]");
        assertThat(Redaction.withoutReferences("SR-2026-000001 filled; C311-42 in the log"))
                .isEqualTo("SR-2026-000001 filled; C311-42 in the log");
        assertThat(Redaction.withoutReferences(null)).isNull();
    }

    @Test
    void quotedLinesAndOutlookHeaderBlocksAreNotTheWritersWords() {
        assertThat(Redaction.ownWords("Done\n> earlier text\nthanks\n\nFrom: Civic311\nSent: Tuesday\nold"))
                .isEqualTo("Done\nthanks");
        assertThat(Redaction.forPublic(null)).isEmpty();
    }
}
