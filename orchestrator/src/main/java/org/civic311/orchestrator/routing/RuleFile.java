package org.civic311.orchestrator.routing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * One file of rules, a DRL file or a decision table (CSV, XLS, XLSX), as DRL. Its knowledge base is the folder of
 * {@code rules/} it belongs to, read from its package ({@code rules.routing} → routing), since a file deployed over
 * HTTP arrives without its folder.
 *
 * @param knowledgeBase routing, sla, ...
 * @param name          the file's name without folders, e.g. {@code routing.drl}; a newer file of the same name in
 *                      the same knowledge base replaces it
 * @param drl           the rules as DRL (a decision table compiled to DRL)
 */
public record RuleFile(String knowledgeBase, String name, String drl) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final String PREFIX = "rules.";

    /** Whether a deployment resource of this name is a rule file. */
    public static boolean isRuleFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") || lower.endsWith(".csv") || lower.endsWith(".xls") || lower.endsWith(".xlsx");
    }

    /**
     * Reads a rule file.
     *
     * @param name a file name, folders allowed ({@code rules/routing/routing.drl}): only the last part is kept
     * @throws RulesRejected a decision table that cannot be read, or a file whose package is not {@code rules.<folder>}
     */
    public static RuleFile read(String name, byte[] content) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        String lower = fileName.toLowerCase(Locale.ROOT);
        String drl;
        if (lower.endsWith(".drl")) {
            drl = new String(content, StandardCharsets.UTF_8);
        } else if (lower.endsWith(".csv") || lower.endsWith(".xls") || lower.endsWith(".xlsx")) {
            drl = decisionTable(fileName, content, lower.endsWith(".csv") ? InputType.CSV : InputType.XLS);
        } else {
            throw new RulesRejected(fileName + " is no rule file: rules are .drl files or decision tables (.csv, "
                    + ".xls, .xlsx).");
        }
        Matcher matcher = PACKAGE.matcher(drl);
        if (!matcher.find() || !matcher.group(1).startsWith(PREFIX) || matcher.group(1).length() == PREFIX.length()
                || matcher.group(1).indexOf('.', PREFIX.length()) >= 0) {
            throw new RulesRejected(fileName + ": its package (a decision table's RuleSet) must be rules.<folder>,"
                    + " e.g. rules.routing or rules.sla" + (matcher.find(0) ? ", not " + matcher.group(1) : "") + ".");
        }
        return new RuleFile(matcher.group(1).substring(PREFIX.length()), fileName, drl);
    }

    /** {@code routing/routing.drl}: where the file lies under {@code rules/}. */
    public String path() {
        return knowledgeBase + "/" + name;
    }

    private static String decisionTable(String fileName, byte[] content, InputType type) {
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(content), type);
        } catch (RuntimeException e) {
            throw new RulesRejected(fileName + " is no decision table Drools can read: " + messages(e), e);
        }
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
