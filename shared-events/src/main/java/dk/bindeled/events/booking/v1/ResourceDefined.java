package dk.bindeled.events.booking.v1;

import java.util.List;

/** A bookable room, facility or piece of equipment was set up, or its details changed. */
public record ResourceDefined(String resourceId, String centreId, String name, ResourceKind kind,
                              Integer capacity, List<String> features, int cleaningBufferMinutes,
                              boolean approvalRequired) implements BookingEvent {
    @Override
    public String subject() {
        return resourceId;
    }
}
