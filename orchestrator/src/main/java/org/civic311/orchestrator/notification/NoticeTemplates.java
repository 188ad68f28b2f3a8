package org.civic311.orchestrator.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders notices and the follow-up page with Thymeleaf from {@code notices/} on the classpath, or from the city's
 * template directory, whose files win: {@code email/<event>.html} and {@code .txt} (HTML and text parts),
 * {@code sms/<event>.txt}, {@code page/*.html}, and the sentences of each language in
 * {@code messages_<tag>.properties}. A city's files are read again when they change, so an edit needs no restart.
 */
@Component
public class NoticeTemplates {

    static final String CLASSPATH_FOLDER = "notices/";

    // Spring EL in templates, as in Spring MVC views.
    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();

    NoticeTemplates(NotificationProperties settings) {
        List<String> basenames = new ArrayList<>();
        int order = 1;
        if (settings.templateDirectory() != null) {
            String folder = settings.templateDirectory().toAbsolutePath() + "/";
            FileTemplateResolver cityFiles = new FileTemplateResolver();
            configure(cityFiles, folder, order++);
            cityFiles.setCheckExistence(true);
            // The city's files are edited while the application runs.
            cityFiles.setCacheable(false);
            engine.addTemplateResolver(cityFiles);
            basenames.add("file:" + folder + "messages");
        }
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
        configure(builtIn, CLASSPATH_FOLDER, order);
        engine.addTemplateResolver(builtIn);
        basenames.add("classpath:" + CLASSPATH_FOLDER + "messages");

        messages.setBasenames(basenames.toArray(String[]::new));
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // A sentence missing in a language fails the notice (and the template tests), never shows up in English.
        messages.setFallbackToSystemLocale(false);
        messages.setCacheMillis(settings.templateDirectory() == null ? -1 : 5000);
        SpringMessageResolver resolver = new SpringMessageResolver();
        resolver.setMessageSource(messages);
        engine.setMessageResolver(resolver);
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix, int order) {
        resolver.setPrefix(prefix);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.getTextTemplateModePatternSpec().addPattern("*.txt");
        resolver.getHtmlTemplateModePatternSpec().addPattern("*.html");
        resolver.setOrder(order);
    }

    /**
     * @param template e.g. {@code email/closed.html} or {@code sms/received.txt}
     * @throws org.thymeleaf.exceptions.TemplateEngineException for a missing template or a broken one
     */
    public String render(String template, Locale language, Map<String, Object> model) {
        String rendered = engine.process(template, new Context(language, model)).strip();
        // Lines a condition left out leave their line breaks behind: at most one empty line in a row.
        return template.endsWith(".txt") ? rendered.replaceAll("\n[ \t]*\n(?:[ \t]*\n)+", "\n\n") : rendered;
    }

    /** A sentence of the messages file, e.g. {@code closed.subject}, with its {0}, {1} filled in. */
    public String message(String key, Locale language, Object... arguments) {
        return messages().getMessage(key, arguments, language);
    }

    MessageSource messages() {
        return messages;
    }
}
