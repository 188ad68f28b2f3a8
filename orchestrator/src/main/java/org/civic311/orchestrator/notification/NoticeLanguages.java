package org.civic311.orchestrator.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The languages residents can be written to in: one for each {@code messages_<tag>.properties} among the notice
 * templates, built in or in the city's template directory. A language is added by adding files, never code.
 */
@Component
public class NoticeLanguages {

    private static final Pattern MESSAGES = Pattern.compile("messages_([A-Za-z0-9-]+)\\.properties");

    private final NotificationProperties settings;
    private final PathMatchingResourcePatternResolver files = new PathMatchingResourcePatternResolver();
    /** The built-in languages: the classpath does not change while running. */
    private final TreeSet<String> builtIn = new TreeSet<>();

    NoticeLanguages(NotificationProperties settings) {
        this.settings = settings;
        collect("classpath*:" + NoticeTemplates.CLASSPATH_FOLDER + "messages_*.properties", builtIn);
    }

    /**
     * The offered language tags, e.g. {@code [en, es, zh]}; the city's directory is read each time, so a new file
     * there counts at once.
     */
    public List<String> offered() {
        TreeSet<String> tags = new TreeSet<>(builtIn);
        if (settings.templateDirectory() != null) {
            collect(settings.templateDirectory().toUri() + "messages_*.properties", tags);
        }
        return List.copyOf(tags);
    }

    /**
     * The offered language closest to a BCP 47 tag, by RFC 4647 lookup: {@code es-MX} is Spanish, {@code zh-Hans-CN}
     * Chinese.
     *
     * @return empty when none is close or the tag is no language tag
     */
    public Optional<String> match(String tag) {
        try {
            new Locale.Builder().setLanguageTag(tag);
            return Optional.ofNullable(Locale.lookupTag(Locale.LanguageRange.parse(tag), offered()));
        } catch (IllformedLocaleException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The offered language a browser or app asks for first in its {@code Accept-Language} header, weights
     * respected; the city's default when it names none of them or cannot be read.
     */
    public String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return defaultLanguage();
        }
        try {
            String found = Locale.lookupTag(Locale.LanguageRange.parse(header), offered());
            return found == null ? defaultLanguage() : found;
        } catch (IllegalArgumentException e) {
            return defaultLanguage();
        }
    }

    public String defaultLanguage() {
        return settings.defaultLanguage();
    }

    private void collect(String pattern, TreeSet<String> tags) {
        try {
            for (Resource file : files.getResources(pattern)) {
                Matcher name = MESSAGES.matcher(String.valueOf(file.getFilename()));
                if (name.matches()) {
                    tags.add(name.group(1).replace('_', '-'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
