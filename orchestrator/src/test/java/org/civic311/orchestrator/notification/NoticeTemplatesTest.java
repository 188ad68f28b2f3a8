package org.civic311.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.civic311.orchestrator.sms.SmsSegments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event's email (text and HTML) and text message, in every language Civic311 ships. */
class NoticeTemplatesTest {

    /** A sentence of each language that only that language's files hold. */
    static final Map<String, String> THANKS = Map.of("en", "Thank you", "es", "Gracias", "zh", "谢");
    /** The word a text tells the resident to reply when it is fixed (SmsAnswers takes it, and YES, in any language). */
    static final Map<String, String> YES = Map.of("en", "YES", "es", "SI", "zh", "是");

    final NoticeTemplates templates = new NoticeTemplates(settings(null));
    final NoticeLanguages languages = new NoticeLanguages(settings(null));

    static NotificationProperties settings(Path templateDirectory) {
        return new NotificationProperties("311@city.example", "Springfield 311", new NotificationProperties.Smtp(
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)), "en", templateDirectory,
                URI.create("https://311.springfield.example"), Duration.ofDays(3), Duration.ofDays(30),
                Duration.ofSeconds(5), List.of(Duration.ofMinutes(1)), Duration.ofHours(75), Duration.ofMinutes(5));
    }

    static Stream<Arguments> everyEventInEveryLanguage() {
        List<Arguments> all = new ArrayList<>();
        for (NoticeEvent event : NoticeEvent.values()) {
            for (String language : List.of("en", "es", "zh")) {
                all.add(Arguments.of(event, language));
            }
        }
        return all.stream();
    }

    static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("trackingNumber", "SR-2026-000042");
        model.put("serviceName", "Pothole");
        model.put("address", "121 N LaSalle St");
        model.put("department", "Streets Department");
        model.put("firstName", "Ana");
        model.put("cityName", "Springfield 311");
        model.put("expected", "EXPECTED-LONG");
        model.put("expectedShort", "EXPECTED-SHORT");
        model.put("newDue", "NEW-DUE-LONG");
        model.put("newDueShort", "NEW-DUE-SHORT");
        model.put("resolution", "Filled & compacted <today>.");
        model.put("resolutionShort", "Filled & compacted <today>.");
        model.put("answerUrl", "https://311.springfield.example/follow-up/tok3n");
        model.put("linkedTrackingNumber", "SR-2026-000007");
        return model;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void theEmailHasASubjectATextAndAnHtmlPartInTheResidentsLanguage(NoticeEvent event, String language) {
        Locale locale = Locale.forLanguageTag(language);
        String subject = templates.message(event.template() + ".subject", locale, "SR-2026-000042");
        String text = templates.render("email/" + event.template() + ".txt", locale, model());
        String html = templates.render("email/" + event.template() + ".html", locale, model());

        assertThat(subject).startsWith("[SR-2026-000042] ");
        assertThat(text).contains("SR-2026-000042", "Springfield 311", "121 N LaSalle St")
                .doesNotContain("??", "[(", "[#", " th:", "null");
        assertThat(text).as("greets by name").contains("Ana");
        Document page = Jsoup.parse(html);
        assertThat(page.select("html").attr("lang")).isEqualTo(language);
        assertThat(page.text()).contains("SR-2026-000042", "Springfield 311", "Ana").doesNotContain("??", "null");
        assertThat(html).doesNotContain(" th:", "??");
        if (!language.equals("en")) {
            assertThat(subject + text).as("not English").doesNotContain(" your ", " report ");
        }
        switch (event) {
            case RECEIVED -> assertThat(text).contains("Streets Department", "EXPECTED-LONG");
            case REROUTED -> assertThat(text).contains("Streets Department");
            case DUE_DATE_MOVED -> assertThat(text).contains("NEW-DUE-LONG");
            case CLOSED -> {
                assertThat(text).contains("Filled & compacted <today>.");
                // Department words are text in the HTML part, never markup.
                assertThat(html).contains("Filled &amp; compacted &lt;today&gt;.");
                assertThat(text + html).contains(THANKS.get(language));
            }
            case FOLLOW_UP -> {
                assertThat(text).contains("https://311.springfield.example/follow-up/tok3n");
                assertThat(page.select("a[href=https://311.springfield.example/follow-up/tok3n]")).hasSize(1);
            }
            case REOPENED -> assertThat(text).contains("Streets Department").contains(THANKS.get(language));
            case LINKED -> assertThat(text).contains("SR-2026-000007");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyEventInEveryLanguage")
    void theTextMessageIsShortAndInTheResidentsLanguage(NoticeEvent event, String language) {
        String sms = templates.render("sms/" + event.template() + ".txt", Locale.forLanguageTag(language), model());

        assertThat(sms).contains("SR-2026-000042").doesNotContain("??", "[(", "null", "\n");
        assertThat(SmsSegments.count(sms)).as(sms).isLessThanOrEqualTo(2);
        switch (event) {
            case RECEIVED -> assertThat(sms).contains("EXPECTED-SHORT");
            case DUE_DATE_MOVED -> assertThat(sms).contains("NEW-DUE-SHORT");
            case CLOSED -> assertThat(sms).contains("Filled & compacted <today>.");
            case FOLLOW_UP -> assertThat(sms).contains(YES.get(language)).contains("NO");
            default -> {
            }
        }
    }

    @Test
    void theHelpReplyAndTheAnswerPageExistInEveryLanguage() {
        for (String language : languages.offered()) {
            Locale locale = Locale.forLanguageTag(language);
            String help = templates.render("sms/help.txt", locale, Map.of("cityName", "Springfield 311"));
            assertThat(help).contains("Springfield 311", YES.getOrDefault(language, "YES"), "STOP").doesNotContain("??");
            assertThat(SmsSegments.count(help)).isLessThanOrEqualTo(2);
            for (String state : List.of("ask", "thanks", "reopened", "answered", "unknown")) {
                Map<String, Object> model = model();
                model.put("state", state);
                model.put("action", "/follow-up/tok3n");
                Document page = Jsoup.parse(templates.render("page/follow-up.html", locale, model));
                assertThat(page.text()).as(language + " " + state).doesNotContain("??").contains("Springfield 311");
                assertThat(page.select("form")).hasSize(state.equals("ask") ? 1 : 0);
            }
        }
    }

    @Test
    void theAnswerPageAsksWithTwoButtonsThatPostAndAnOptionalRating() {
        Map<String, Object> model = model();
        model.put("state", "ask");
        model.put("action", "/follow-up/tok3n");
        Document page = Jsoup.parse(templates.render("page/follow-up.html", Locale.forLanguageTag("es"), model));

        assertThat(page.select("form").attr("method")).isEqualTo("post");
        assertThat(page.select("form").attr("action")).isEqualTo("/follow-up/tok3n");
        assertThat(page.select("button[name=answer]").eachAttr("value")).containsExactly("yes", "no");
        assertThat(page.select("button[name=answer]").eachText()).containsExactly("Sí, está resuelto", "No, no está resuelto");
        assertThat(page.select("input[name=rating]").eachAttr("value")).containsExactly("1", "2", "3", "4", "5");
        assertThat(page.select("input[name=rating][required]")).isEmpty();
    }

    @Test
    void theLanguagesAreTheMessageFilesAndAResidentsTagFindsTheClosestOne() {
        assertThat(languages.offered()).contains("en", "es", "zh");
        assertThat(languages.match("es-MX")).contains("es");
        assertThat(languages.match("zh-Hans-CN")).contains("zh");
        assertThat(languages.match("EN")).contains("en");
        assertThat(languages.match("tlh")).isEmpty();
        assertThat(languages.match("not a tag")).isEmpty();
        assertThat(languages.fromAcceptLanguage("fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7")).isEqualTo("es");
        assertThat(languages.fromAcceptLanguage("de-DE")).isEqualTo("en");
        assertThat(languages.fromAcceptLanguage("%%%")).isEqualTo("en");
        assertThat(languages.fromAcceptLanguage(null)).isEqualTo("en");
    }

    @Test
    void aCitysDirectoryChangesWordingAndAddsALanguageWithoutCode(@TempDir Path city) throws Exception {
        Files.writeString(city.resolve("messages_en.properties"), "closed.thanks=Thanks from Springfield!\n");
        Files.writeString(city.resolve("messages_fr.properties"), Files.readString(
                Path.of("src/main/resources/notices/messages_en.properties")).replace("Thank you", "Merci"));
        Files.createDirectories(city.resolve("sms"));
        Files.writeString(city.resolve("sms/closed.txt"), "[(${trackingNumber})] done. [(${cityName})]");
        NoticeTemplates edited = new NoticeTemplates(settings(city));
        NoticeLanguages offered = new NoticeLanguages(settings(city));

        assertThat(edited.render("email/closed.txt", Locale.ENGLISH, model()))
                .contains("Thanks from Springfield!").contains("Your report SR-2026-000042 has been closed.");
        assertThat(edited.render("sms/closed.txt", Locale.ENGLISH, model())).isEqualTo("SR-2026-000042 done. Springfield 311");
        assertThat(offered.offered()).contains("en", "es", "fr", "zh");
        assertThat(offered.match("fr-CA")).contains("fr");
        assertThat(edited.render("email/closed.txt", Locale.FRENCH, model())).contains("Merci");
    }

    @Test
    void aMissingTemplateFailsLoudly() {
        assertThatThrownBy(() -> templates.render("email/nothing.txt", Locale.ENGLISH, model()))
                .isInstanceOf(RuntimeException.class);
    }
}
