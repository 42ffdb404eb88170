package dk.bindeled.logbook.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Frozen minutes: the text as drafted, followed by each accepted amendment in the order proposed, and the SHA-256 of
 * exactly that (UTF-8), recorded as they are approved. Anyone can check a copy against the logbook by hashing it again.
 */
public final class MinutesSeal {

    public static final String AMENDMENTS_HEADING = "Vedtagne ændringer";

    private MinutesSeal() {
    }

    public static String content(String text, List<String> acceptedAmendments) {
        if (acceptedAmendments.isEmpty()) {
            return text;
        }
        StringBuilder content = new StringBuilder(text).append("\n\n").append(AMENDMENTS_HEADING).append(":\n");
        for (int i = 0; i < acceptedAmendments.size(); i++) {
            content.append(i + 1).append(". ").append(acceptedAmendments.get(i)).append('\n');
        }
        return content.toString();
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
