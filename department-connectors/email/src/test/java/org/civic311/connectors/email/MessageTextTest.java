package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.civic311.connectors.WorkStatus;
import org.junit.jupiter.api.Test;

class MessageTextTest {

    final Session session = Session.getInstance(new Properties());

    @Test
    void plainPartWinsOverItsHtmlAlternative() throws Exception {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part("DONE filled\n\nthanks", "text/plain; charset=UTF-8"));
        alternative.addBodyPart(part("<p>something else</p>", "text/html; charset=UTF-8"));
        MimeMessage message = new MimeMessage(session);
        message.setContent(alternative);
        message.saveChanges();

        assertThat(MessageText.of(message)).isEqualTo("DONE filled\n\nthanks");
    }

    @Test
    void htmlKeepsItsLineBreaksAndLosesTheQuotedOriginal() {
        String gmail = "<div dir=\"ltr\">DONE<br>Patched with cold mix &amp; swept.<div>Two bags.</div></div><br>"
                + "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On Tue, 3 Mar 2026, Civic311 wrote:</div>"
                + "<blockquote class=\"gmail_quote\">Start your reply with DONE</blockquote></div>";

        assertThat(MessageText.htmlToText(gmail)).isEqualTo("DONE\nPatched with cold mix & swept.\nTwo bags.");
    }

    @Test
    void outlookHtmlReplyReadsAsItsFirstParagraph() {
        String outlook = """
                <html><head><style>p.MsoNormal {margin:0}</style></head><body lang=EN-US>
                <div class=WordSection1><p class=MsoNormal>Done &#8211; patched<o:p></o:p></p>
                <p class=MsoNormal><o:p>&nbsp;</o:p></p>
                <div style='border:none;border-top:solid #E1E1E1 1.0pt'>
                <p class=MsoNormal><b>From:</b> Civic311 &lt;dispatch@civic311.local&gt;<br>
                <b>Sent:</b> Tuesday, March 3, 2026 9:12 AM<br><b>To:</b> Streets<br>
                <b>Subject:</b> [SR-2026-000001] Pothole</p></div>
                <p class=MsoNormal>Reply to this email when the work is done. Start your reply with DONE</p>
                </div></body></html>""";

        ReplyText reply = ReplyText.of(MessageText.htmlToText(outlook));

        assertThat(reply.status()).isEqualTo(WorkStatus.COMPLETED);
        assertThat(reply.note()).isEqualTo("patched");
    }

    @Test
    void attachedTextFileIsNotTheReply() throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(part("<div>Crew is on the way</div>", "text/html; charset=UTF-8"));
        MimeBodyPart log = part("DONE according to the log", "text/plain; charset=UTF-8");
        log.setDisposition(Part.ATTACHMENT);
        log.setFileName("crew-log.txt");
        mixed.addBodyPart(log);
        MimeMessage message = new MimeMessage(session);
        message.setContent(mixed);
        message.saveChanges();

        assertThat(MessageText.of(message)).isEqualTo("Crew is on the way");
    }

    static MimeBodyPart part(String content, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        return part;
    }
}
