package dk.bindeled.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HoldingsTest {

    static final OffsetDateTime TEN = OffsetDateTime.of(2027, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(1));
    static final Instant BEFORE = TEN.minusDays(1).toInstant();

    /** A room with a 15-minute cleaning buffer holding 10:00–12:00. */
    static Holdings holding() {
        Holdings holdings = new Holdings(15);
        holdings.hold(BEFORE, "b1", "p", TEN, TEN.plusHours(2), Held.Status.CONFIRMED, null, null);
        return holdings;
    }

    @Test
    void aTimeClashesWithinTheCleaningBufferOnEitherSide() {
        Holdings holdings = holding();
        assertThat(holdings.clashes(TEN.plusHours(2), TEN.plusHours(3), null)).extracting(Clash::bookingId).containsExactly("b1");
        assertThat(holdings.isFree(TEN.plusHours(2).plusMinutes(15), TEN.plusHours(3))).isTrue();
        assertThat(holdings.clashes(TEN.minusHours(1), TEN.minusMinutes(10), null)).as("its own cleaning runs into b1").hasSize(1);
        assertThat(holdings.isFree(TEN.minusHours(1), TEN.minusMinutes(15))).isTrue();
        assertThat(holdings.clashes(TEN, TEN.plusHours(1), "b1")).as("a booking moved over its own time").isEmpty();
        assertThatThrownBy(() -> holdings.requireFree(TEN, TEN.plusHours(1), null)).isInstanceOf(BookingConflictException.class);
    }

    @Test
    void whatHasEndedWithItsBufferIsForgotten() {
        Holdings holdings = holding();
        holdings.join(BEFORE, new Waiting("w1", "q", TEN.plusHours(1), TEN.plusHours(2), null));
        holdings.forgetThePast(TEN.plusHours(2).plus(Duration.ofMinutes(15)).toInstant());
        assertThat(holdings.booking("b1")).as("still cleaning").isNotNull();
        assertThat(holdings.waiting()).as("its slot has started").isEmpty();
        holdings.forgetThePast(TEN.plusHours(2).plus(Duration.ofMinutes(16)).toInstant());
        assertThatThrownBy(() -> holdings.booking("b1")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOfferTakesTheWaitsPlaceAndHoldsTheSlot() {
        Holdings holdings = holding();
        holdings.join(BEFORE, new Waiting("w1", "q", TEN, TEN.plusHours(2), null));
        holdings.release("b1");
        holdings.offer("w1", "b2", "q", TEN, TEN.plusHours(2), null);
        assertThat(holdings.waiting()).isEmpty();
        assertThat(holdings.booking("b2").status()).isEqualTo(Held.Status.OFFERED);
        assertThat(holdings.booking("b2").waitlistEntryId()).isEqualTo("w1");
        assertThat(holdings.isFree(TEN, TEN.plusHours(1))).isFalse();
    }
}
