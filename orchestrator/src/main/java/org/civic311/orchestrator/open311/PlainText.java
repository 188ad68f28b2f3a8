package org.civic311.orchestrator.open311;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Text a web page may show as it is. jsoup reads it the way a browser would: it is plain when that finds no
 * element, comment or character reference, so "depth &lt; 5 cm" and "Smith &amp; Sons" are plain, while
 * {@code <svg/onload=…>}, {@code <img/src=x onerror=…>} and {@code &lt;b&gt;} are not. (jsoup's own
 * {@code isValid} also refuses a lone {@code <}, which residents write.)
 */
final class PlainText {

    private static final Cleaner NO_MARKUP = new Cleaner(Safelist.none());

    private PlainText() {
    }

    static boolean isPlain(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return true;
        }
        Document read = Jsoup.parseBodyFragment(text);
        // A tag or comment is dropped by the cleaner; a character reference or a tag cut short changes the text.
        return NO_MARKUP.isValid(read) && read.body().wholeText().equals(text);
    }
}
