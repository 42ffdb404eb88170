package dk.bindeled.events.logbook.v1;

import java.util.Objects;

/**
 * The checks every logbook v1 record makes in its constructor, whether a producer builds it or Jackson reads it: an id
 * is present and not blank, a category the event needs is present. A null is refused naming the field, a blank id with an
 * {@link IllegalArgumentException} naming it.
 */
final class Require {

    private Require() {
    }

    static String id(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
