package dk.bindeled.events.booking.v1;

import dk.bindeled.events.EventCatalog;
import dk.bindeled.events.EventType;
import dk.bindeled.events.Topics;
import java.net.URI;
import java.util.List;

/** The catalogue of {@code bindeled.booking.v1}: every type, its {@code ce_type} and its schema. */
public final class BookingEventsV1 {

    public static final String DOMAIN = "booking";
    public static final URI SOURCE = URI.create("/bindeled/room-booking");

    public static final EventCatalog CATALOG = new EventCatalog(Topics.BOOKING_V1, List.of(
            type(CentreDefined.class),
            type(ResourceDefined.class),
            type(BookingRequested.class),
            type(BookingConfirmed.class),
            type(BookingRejected.class),
            type(BookingCancelled.class),
            type(BookingMoved.class),
            type(BookingLapsed.class),
            type(SeriesBooked.class),
            type(WaitlistOffered.class),
            type(WaitlistOfferLapsed.class),
            type(BookingFlagged.class),
            type(BookingRefused.class)));

    private BookingEventsV1() {
    }

    private static EventType<?> type(Class<? extends BookingEvent> javaType) {
        return EventType.of(DOMAIN, 1, javaType);
    }
}
