package dk.bindeled.booking.query;

import dk.bindeled.booking.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of a list starts: the sort key and id of the last row sent, opaque to the client.
 * Keyset paging, so a page costs the same however far on it is, and rows added meanwhile shift nothing.
 */
public record Cursor(String key, String id) {

    public static final String PARAMETER = "after";

    public static Cursor after(LocalDateTime key, String id) {
        return new Cursor(key.toString(), id);
    }

    public static Cursor after(OffsetDateTime key, String id) {
        return new Cursor(key.toString(), id);
    }

    LocalDateTime localDateTime() {
        try {
            return LocalDateTime.parse(key);
        } catch (DateTimeParseException e) {
            throw refused();
        }
    }

    OffsetDateTime offsetDateTime() {
        try {
            return OffsetDateTime.parse(key);
        } catch (DateTimeParseException e) {
            throw refused();
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in the parameter, or null when there is none; a 400 when it is not one this service made. */
    public static Cursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 1 || bar == text.length() - 1) {
                throw new IllegalArgumentException("no key and id");
            }
            return new Cursor(text.substring(0, bar), text.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    private static InvalidInputException refused() {
        return new InvalidInputException(PARAMETER, "must be the cursor of a page's next link");
    }
}
