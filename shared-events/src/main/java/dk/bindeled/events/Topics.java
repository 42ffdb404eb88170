package dk.bindeled.events;

/** Every Kafka topic name, in one place. One topic per service and major version. */
public final class Topics {

    public static final String PARTNER_V1 = "bindeled.partner.v1";
    public static final String BOOKING_V1 = "bindeled.booking.v1";
    public static final String REFERRAL_V1 = "bindeled.referral.v1";
    public static final String LOGBOOK_V1 = "bindeled.logbook.v1";

    private Topics() {
    }
}
