package org.civic311.orchestrator.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.civic311.connectors.InvalidSettingException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ObjectUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a start that failed on its settings into one line per setting, e.g. "Setting spring.mail.host is missing:
 * the mail server residents are written through. See docs/configuration.md, or try the demo: java -jar
 * civic311-demo.jar (README.md)." It reads any validated {@code @ConfigurationProperties}: the property comes from
 * the binding, and a constraint's message, when it is not Bean Validation's default, says what the setting is for.
 * Runs before Spring Boot's own analyzers, whose reports run to a page per setting.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingSettingFailureAnalyzer implements FailureAnalyzer {

    static final String POINTER = "See docs/configuration.md, or try the demo: java -jar civic311-demo.jar (README.md).";

    /** Constraints that fail when a setting is not given at all (a record's "given" check is an {@code @AssertTrue}). */
    private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty", "AssertTrue");

    /** Boot builds the residents' mail sender only from {@code spring.mail.host}. */
    private static final String MAIL_HOST = "Setting spring.mail.host is missing: the mail server residents are"
            + " written through. " + POINTER;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindValidationException invalid = cause(failure, BindValidationException.class);
        if (invalid != null) {
            return analysis(lines(invalid), failure);
        }
        InvalidSettingException unusable = cause(failure, InvalidSettingException.class);
        if (unusable != null) {
            return analysis(unusable.getMessage() + ". " + POINTER, failure);
        }
        BindException unreadable = cause(failure, BindException.class);
        if (unreadable != null) {
            return analysis(line(unreadable), failure);
        }
        NoSuchBeanDefinitionException noBean = cause(failure, NoSuchBeanDefinitionException.class);
        if (noBean != null && noBean.getBeanType() != null && JavaMailSender.class.isAssignableFrom(noBean.getBeanType())) {
            return analysis(MAIL_HOST, failure);
        }
        return null;
    }

    /** One line per setting: "missing" when one of its constraints says it is not given, otherwise its first rule broken. */
    private static String lines(BindValidationException invalid) {
        Map<String, String> bySetting = new LinkedHashMap<>();
        for (ObjectError error : invalid.getValidationErrors().getAllErrors()) {
            String setting = error instanceof FieldError field
                    ? field.getObjectName() + "." + readable(field.getField())
                    : error.getObjectName();
            String earlier = bySetting.get(setting);
            if (earlier == null || isMissing(error) && !earlier.contains(" is missing")) {
                bySetting.put(setting, describe(setting, error));
            }
        }
        return String.join(System.lineSeparator(), bySetting.values());
    }

    private static String describe(String setting, ObjectError error) {
        String message = error.getDefaultMessage();
        // Bean Validation's own messages ("must not be blank") say nothing an operator can use.
        boolean explained = message != null && !message.startsWith("must not") && !message.equals("must be true");
        if (isMissing(error)) {
            return "Setting " + setting + " is missing" + (explained ? ": " + message : "") + ". " + POINTER;
        }
        return "Setting " + setting + " " + (message == null ? "is invalid" : message) + ". " + POINTER;
    }

    private static boolean isMissing(ObjectError error) {
        String[] codes = error.getCodes();
        return codes != null && MISSING.contains(codes[codes.length - 1]);
    }

    /** {@code departments[parks].tokenSecret} as written in configuration: {@code departments.parks.token-secret}. */
    private static String readable(String field) {
        return DataObjectPropertyName.toDashedForm(field).replaceAll("\\[([a-z0-9-]+)]", ".$1");
    }

    /** A value that cannot be read as its type, e.g. a time zone that does not exist. */
    private static String line(BindException unreadable) {
        ConfigurationProperty property = unreadable.getProperty();
        String setting = property != null ? property.getName().toString() : unreadable.getName().toString();
        Throwable root = unreadable;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String value = property == null ? "" : " ('" + ObjectUtils.nullSafeToString(property.getValue()) + "')";
        return "Setting " + setting + " cannot be used" + value + ": " + root.getMessage() + ". " + POINTER;
    }

    private static FailureAnalysis analysis(String description, Throwable failure) {
        return new FailureAnalysis(description, null, failure);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
