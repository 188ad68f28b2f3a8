package org.civic311.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutomaticMailTest {

    final Session session = Session.getInstance(new Properties());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Auto-Submitted | auto-replied",
        "Auto-Submitted | auto-generated; owner-email=\"it@demo.civic311.local\"",
        "Precedence     | bulk",
        "Precedence     | Junk",
        "Precedence     | auto_reply",
        "Precedence     | list",
        "X-Autoreply    | yes",
        "X-Autorespond  | Out of office",
        "List-Id        | Streets crew <crew.demo.civic311.local>",
        "Return-Path    | <>",
        "Return-Path    | < >",
    })
    void machineMailIsRecognisedByItsHeaders(String header, String value) throws Exception {
        MimeMessage message = personalReply();
        message.setHeader(header, value);

        assertThat(AutomaticMail.why(message)).isPresent();
    }

    @Test
    void bounceOrReceiptIsRecognisedByItsReportType() throws Exception {
        MimeMessage message = new MimeMessage(session);
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        report.addBodyPart(MessageTextTest.part("Delivery failed", "text/plain"));
        message.setContent(report);
        message.saveChanges();

        assertThat(AutomaticMail.why(message)).isPresent();
    }

    @Test
    void personalReplyIsNotAutomaticEvenWhenItSaysSoExplicitly() throws Exception {
        MimeMessage message = personalReply();
        message.setHeader("Auto-Submitted", "no");
        message.setHeader("Precedence", "first-class");
        message.setHeader("Return-Path", "<streets@demo.civic311.local>");

        assertThat(AutomaticMail.why(message)).isEmpty();
    }

    MimeMessage personalReply() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setText("DONE filled");
        message.saveChanges();
        return message;
    }
}
