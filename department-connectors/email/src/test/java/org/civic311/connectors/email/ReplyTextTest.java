package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic311.connectors.WorkStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reply shapes as Gmail, Outlook and Apple Mail produce them, and what each one does to the request. */
class ReplyTextTest {

    static final String ORIGINAL = """
            Reply to this email when the work is done. Start your reply with DONE, then say what was done; \
            the resident is told (without phone numbers, email addresses or quoted text). Any other reply is kept \
            as a note for city staff only.

            WHAT
            Pothole (pothole)
            Deep pothole in the right lane.
            """;

    static String quoted(String text) {
        return text.lines().map(line -> line.isEmpty() ? ">" : "> " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Test
    void gmailDoneReplyClosesWithTheRestOfTheLineAsNote() {
        ReplyText reply = ReplyText.of("""
                DONE filled and compacted

                On Tue, Mar 3, 2026 at 9:12 AM Civic311 <dispatch@civic311.local> wrote:

                """ + quoted(ORIGINAL));

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("filled and compacted");
    }

    @Test
    void gmailAttributionWrappedOverTwoLinesIsStillCutOff() {
        ReplyText reply = ReplyText.of("""
                Done. Patched both holes.

                On Tue, Mar 3, 2026 at 9:12 AM Civic311 Dispatch <
                dispatch@civic311.local> wrote:

                """ + quoted(ORIGINAL));

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("Patched both holes.");
    }

    @Test
    void outlookReplyKeepsOnlyWhatIsAboveTheHeaderBlock() {
        ReplyText reply = ReplyText.of("""
                Crew scheduled for Thursday.

                Thanks,
                Maria Lopez
                Streets Division

                ________________________________
                From: Civic311 <dispatch@civic311.local>
                Sent: Tuesday, March 3, 2026 9:12 AM
                To: Streets <streets@demo.civic311.local>
                Subject: [SR-2026-000001] Pothole at 12 Main St

                """ + ORIGINAL);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMMENT);
        assertThat(reply.note()).isEqualTo("Crew scheduled for Thursday.\n\nThanks,\nMaria Lopez\nStreets Division");
    }

    @Test
    void outlookHeaderBlockWithoutRuleIsCutOffToo() {
        ReplyText reply = ReplyText.of("""
                RESOLVED \u2013 replaced the sign post.

                From: Civic311 <dispatch@civic311.local>
                Sent: Tuesday, March 3, 2026 9:12 AM
                To: Streets <streets@demo.civic311.local>

                """ + ORIGINAL);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("replaced the sign post.");
    }

    @Test
    void originalMessageSeparatorIsCutOff() {
        ReplyText reply = ReplyText.of("""
                completed: swept and cleared
                -----Original Message-----
                From: Civic311 [mailto:dispatch@civic311.local]
                Sent: Tuesday, March 03, 2026 9:12 AM

                """ + ORIGINAL);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("swept and cleared");
    }

    @Test
    void appleMailOnAPhoneClosesWithNoNoteAndWithoutTheDeviceLine() {
        ReplyText reply = ReplyText.of("""
                Done

                Sent from my iPhone

                > On Mar 3, 2026, at 09:12, Civic311 <dispatch@civic311.local> wrote:
                >\s
                """ + quoted(ORIGINAL));

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEmpty();
    }

    @Test
    void noteRunsOverSeveralLinesAndStopsAtTheSignature() {
        ReplyText reply = ReplyText.of("""
                Closed, crew filled it this morning.
                Took two bags of cold patch.

                --\s
                Maria Lopez
                Streets Division
                """);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("crew filled it this morning.\nTook two bags of cold patch.");
    }

    @Test
    void questionAboveQuotedInstructionsIsANoteEvenThoughTheQuoteSaysDone() {
        ReplyText reply = ReplyText.of("Can you send the exact address?\n\n"
                + "On Tue, Mar 3, 2026 at 9:12 AM Civic311 <dispatch@civic311.local> wrote:\n" + quoted(ORIGINAL));

        assertThat(reply.status()).isEqualTo(WorkStatus.COMMENT);
        assertThat(reply.note()).isEqualTo("Can you send the exact address?");
    }

    @Test
    void replyThatOnlyQuotesTheOriginalClosesNothing() {
        ReplyText reply = ReplyText.of("\n\n" + quoted("DONE is what you should write.\n" + ORIGINAL));

        assertThat(reply.status()).isEqualTo(WorkStatus.COMMENT);
        assertThat(reply.note()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Not done yet, waiting for asphalt.",
        "We are done with the survey, repair next week.",
        "I think this one is resolved?",
        "Donegal Road crew will look at it.",
        "Thanks for the report.\nDONE",
    })
    void freeTextNeverCloses(String body) {
        ReplyText reply = ReplyText.of(body);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMMENT);
        assertThat(reply.note()).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DONE filled",
        "done: filled",
        "Done - filled",
        "Completed \u2014 filled",
        "COMPLETE. filled",
        "resolved!!! filled",
        "\n\n   DONE, filled\n",
        "DONE filled\r\n\r\nOn Tue, Mar 3, 2026 at 9:12 AM Civic311 <dispatch@civic311.local> wrote:\r\n> WHAT",
    })
    void doneGrammarAcceptsTheFixedWordsWithAnyCaseAndPunctuation(String body) {
        ReplyText reply = ReplyText.of(body);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("filled");
    }

    @Test
    void inlineQuotedLinesAreDroppedButTheAnswersBelowThemKept() {
        ReplyText reply = ReplyText.of("""
                DONE
                > Both lanes?
                Yes, both lanes.
                """);

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("Yes, both lanes.");
    }
}
