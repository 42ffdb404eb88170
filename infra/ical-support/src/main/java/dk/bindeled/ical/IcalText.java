package dk.bindeled.ical;

import java.nio.charset.StandardCharsets;

/**
 * Content lines as RFC 5545 §3.1 wants them on the wire: CRLF after every line, and no line longer than 75
 * octets; a longer one continues on the next line after a single space. Folds between characters, never
 * inside a UTF-8 sequence.
 * <p>
 * ical4j's own {@code FoldingWriter} (4.2.3) counts characters, not octets, so a summary with æ, ø and å
 * comes out in lines of up to 150 octets; the feeds are therefore unfolded after ical4j and folded again here.
 */
public final class IcalText {

    /** Octets per physical line, the line break not counted. */
    public static final int MAX_OCTETS = 75;

    private IcalText() {
    }

    /**
     * Folds content lines (separated by CRLF or LF) and ends every line with CRLF. Lines already folded (a line
     * break followed by a space or tab) are unfolded first, so folding twice gives the same text.
     */
    public static String fold(String content) {
        String unfolded = unfold(content);
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 50 * 3);
        for (String line : unfolded.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = MAX_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = MAX_OCTETS - 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** RFC 5545 §3.1 unfolding: a line break followed by one space or tab is removed. */
    public static String unfold(String folded) {
        return folded.replaceAll("\r?\n[ \t]", "");
    }

    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** The longest physical line of folded content, in octets (for checks). */
    public static int longestLine(String folded) {
        int longest = 0;
        for (String line : folded.split("\r\n")) {
            longest = Math.max(longest, line.getBytes(StandardCharsets.UTF_8).length);
        }
        return longest;
    }
}
