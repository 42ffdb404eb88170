package dk.bindeled.booking.domain;

import static dk.bindeled.booking.domain.FakeSupport.CENTRE;
import static dk.bindeled.booking.domain.FakeSupport.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.booking.api.BookingRules;
import dk.bindeled.booking.api.Events.WaitlistOffered;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waitlist served alone; serving at once (and what it does to the schedule) is in {@link ResourceScheduleTest}. */
class WaitlistServiceTest {

    static final Instant NOW = LocalDateTime.of(2027, 3, 1, 10, 0).atZone(ZONE).toInstant();
    static final BookingRules NEEDS_APPROVAL = new BookingRules(BookingRules.Access.ALL_CENTRE_PARTNERS, List.of(), true, null, null);

    static OffsetDateTime at(int day, int hour) {
        return LocalDateTime.of(2027, 3, day, hour, 0).atZone(ZONE).toOffsetDateTime();
    }

    @Test
    void aFreedSlotIsOfferedToTheFirstWhoMayStillBookItWhenTheRoomNeedsApproval() {
        FakeSupport.Centres centres = new FakeSupport.Centres();
        FakeSupport.Partners partners = new FakeSupport.Partners().member("p-sumak", "Café Sumak").outsider("p-out", "Et andet hus");
        Holdings holdings = new Holdings(0);
        Instant joined = NOW.minusSeconds(3600);
        holdings.join(joined, new Waiting("w-started", "p-sumak", at(1, 9), at(1, 11), null));
        holdings.join(joined, new Waiting("w-outsider", "p-out", at(2, 10), at(2, 12), null));
        holdings.join(joined, new Waiting("w-taken", "p-sumak", at(3, 10), at(3, 12), null));
        holdings.join(joined, new Waiting("w-free", "p-sumak", at(4, 10), at(4, 12), null));
        holdings.hold(joined, "b-other", "p-x", at(3, 11), at(3, 13), Held.Status.CONFIRMED, null, null);
        FakeSupport.Ledger ledger = new FakeSupport.Ledger();

        List<Object> events = new ArrayList<>();
        new WaitlistService("room", CENTRE, NEEDS_APPROVAL, holdings).serve(centres.rules(CENTRE).orElseThrow(), centres, partners,
                ledger, new FakeSupport.Locator(), NOW, events::add);

        assertThat(events).singleElement().isInstanceOfSatisfying(WaitlistOffered.class, offer -> {
            assertThat(offer.entryId()).isEqualTo("w-free");
            assertThat(offer.partnerId()).isEqualTo("p-sumak");
        });
        assertThat(ledger.used).as("an offer reserves nothing until it is accepted").isEmpty();
    }
}
