package dk.bindeled.events.booking.v1;

import java.util.List;

/** A centre was set up for booking, or its details changed (the latest event wins). */
public record CentreDefined(String centreId, String name, String address, String timeZone,
                            String managerPartnerId, List<OpeningHours> openingHours,
                            int cancellationNoticeHours) implements BookingEvent {
    @Override
    public String subject() {
        return centreId;
    }
}
