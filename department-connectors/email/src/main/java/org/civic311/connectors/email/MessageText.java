package org.civic311.connectors.email;

import java.io.IOException;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The readable text of a message: its text/plain part, or else its text/html part turned into lines of text. */
final class MessageText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "tr", "table", "pre",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "section", "article", "header", "footer");

    private MessageText() {
    }

    /** The message's text, or an empty string when it has none (e.g. only an attachment). */
    static String of(Part message) throws MessagingException, IOException {
        Part plain = find(message, "text/plain");
        if (plain != null) {
            return (String) plain.getContent();
        }
        Part html = find(message, "text/html");
        return html == null ? "" : htmlToText((String) html.getContent());
    }

    /** Depth first, so the body wins over a part nested further down; attached files and messages are not the reply. */
    private static Part find(Part part, String mimeType) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.isMimeType("message/rfc822")) {
            return null;
        }
        if (part.isMimeType(mimeType) && part.getContent() instanceof String) {
            return part;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = find(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Keeps the line structure (the DONE rule reads the first line) and drops what clients put in
     * {@code <blockquote>}: the quoted original, which is not the department's answer.
     */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, style, script, blockquote, div.gmail_quote").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        newLine(text);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(text);
                }
            }
        }, document.body());
        return text.toString()
                .replace('\u00a0', ' ')
                .replaceAll("(?m)[ \\t]+$", "")
                .replaceAll("(?m)^ +", "")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
