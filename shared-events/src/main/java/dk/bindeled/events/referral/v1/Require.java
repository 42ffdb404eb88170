package dk.bindeled.events.referral.v1;

import java.util.Objects;

/**
 * The checks every referral v1 record makes in its constructor, whether a producer builds it or Jackson reads it: an id
 * is present and not blank, a category that the event needs is present. A null is refused as
 * {@link Objects#requireNonNull(Object, String)} does, naming the field; a blank id with an
 * {@link IllegalArgumentException} naming it.
 */
final class Require {

    private Require() {
    }

    /** The five fields every referral event starts with; the target group may be null. */
    static void common(String referralId, String referrerPartnerId, String recipientPartnerId, String offerId) {
        id(referralId, "referralId");
        id(referrerPartnerId, "referrerPartnerId");
        id(recipientPartnerId, "recipientPartnerId");
        id(offerId, "offerId");
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
