package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Events.BookingRequested;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import dk.bindeled.booking.api.Events.WaitlistServed;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Gives freed time to those waiting for it, first come first served: at once where the rules allow (no approval
 * needed, quota left), otherwise as an offer that holds the slot until it is answered. A wait whose slot has started,
 * is still taken, or whose partner may no longer book the resource is passed over. Each wait is decided against the
 * holdings as the ones before it left them, so the events go to the schedule ({@code apply}) one by one.
 */
record WaitlistService(String resourceId, String centreId, BookingRules rules, Holdings holdings) {

    void serve(CentreRules centre, CentreDirectory centres, PartnerRoster partners, QuotaLedger quotas, BookingLocator locator,
               Instant now, Consumer<Object> apply) {
        BookingAccess access = new BookingAccess(rules, centreId);
        for (Waiting entry : holdings.waiting()) {
            if (!entry.start().toInstant().isAfter(now) || !holdings.isFree(entry.start(), entry.end())
                    || !access.allows(partners.find(entry.partnerId()))) {
                continue;
            }
            String bookingId = UUID.randomUUID().toString();
            locator.register(bookingId, BookingLocator.Kind.BOOKING, resourceId, entry.partnerId(), entry.start().toInstant());
            boolean confirmAtOnce = !rules.approvalRequired() && QuotaPolicy.tryReserve(quotas, centreId, entry.partnerId(),
                    QuotaPolicy.use(entry.start(), entry.end(), centre.zone(), centre.peakTime()), centres.quotaOf(centreId, entry.partnerId()));
            if (confirmAtOnce) {
                apply.accept(new WaitlistServed(entry.entryId(), bookingId, resourceId, centreId, entry.partnerId()));
                apply.accept(new BookingRequested(bookingId, resourceId, centreId, entry.partnerId(), entry.start(), entry.end(),
                        entry.details(), null, false));
                apply.accept(holdings.booking(bookingId).confirmation(resourceId, centreId, true));
            } else {
                apply.accept(new WaitlistOffered(entry.entryId(), bookingId, resourceId, centreId, entry.partnerId(),
                        entry.start(), entry.end(), entry.details()));
            }
        }
    }
}
