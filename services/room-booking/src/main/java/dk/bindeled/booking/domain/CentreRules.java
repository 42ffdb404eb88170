package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Quota;
import java.time.ZoneId;

/** The rules of a centre a booking must respect, as currently stored. */
public record CentreRules(String centreId, ZoneId zone, String managerPartnerId, int cancellationNoticeHours,
                          OpeningHours openingHours, PeakTime peakTime, Quota defaultQuota) {
}
