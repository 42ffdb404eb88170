package dk.bindeled.events;

/** Every Kafka topic name, in one place. One topic per service and major version. */
public final class Topics {

    public static final String PARTNER_V1 = "bindeled.partner.v1";
    public static final String BOOKING_V1 = "bindeled.booking.v1";

    /** Suffix of the dead-letter topic a consumer writes records it cannot read to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
