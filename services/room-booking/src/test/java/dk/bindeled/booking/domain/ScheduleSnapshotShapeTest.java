package dk.bindeled.booking.domain;

import static dk.bindeled.booking.domain.FakeSupport.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import dk.bindeled.booking.api.Commands.FlagPartnerBookings;
import dk.bindeled.booking.api.Events.WaitlistJoined;
import dk.bindeled.events.booking.v1.BookingFlagged.FlagReason;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A schedule read back from its snapshot, serialised as the service serialises it, still holds its bookings and waits:
 * a snapshot that lost them would let the next booking over them through.
 */
class ScheduleSnapshotShapeTest {

    final Serializer serializer = new AxonSupportAutoConfiguration().serializer();

    @Test
    void theHoldingsSurviveASnapshot() throws Exception {
        AggregateTestFixture<ResourceSchedule> fixture = new AggregateTestFixture<>(ResourceSchedule.class);
        fixture.registerInjectableResource(Clock.fixed(ResourceScheduleTest.NOW, ZoneOffset.UTC));
        AtomicReference<ResourceSchedule> schedule = new AtomicReference<>();
        fixture.givenCurrentTime(ResourceScheduleTest.NOW)
                .andGiven(ResourceScheduleTest.room(ResourceScheduleTest.OPEN_TO_CENTRE),
                        ResourceScheduleTest.confirmed("b1", ResourceScheduleTest.SUMAK, ResourceScheduleTest.at(3, 2, 10, 0),
                                ResourceScheduleTest.at(3, 2, 12, 0)),
                        new WaitlistJoined("w1", ResourceScheduleTest.ROOM, FakeSupport.CENTRE, ResourceScheduleTest.HEALTH_VISITOR,
                                ResourceScheduleTest.zoned(ResourceScheduleTest.at(3, 2, 10, 0)),
                                ResourceScheduleTest.zoned(ResourceScheduleTest.at(3, 2, 12, 0)), ResourceScheduleTest.details("x")))
                // Nothing of this partner to flag: a command that changes nothing, to get at the state.
                .when(new FlagPartnerBookings(ResourceScheduleTest.ROOM, "p-nobody", FlagReason.PARTNER_DEACTIVATED))
                .expectState(schedule::set);

        SerializedObject<byte[]> snapshot = serializer.serialize(schedule.get(), byte[].class);
        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
        ResourceSchedule read = serializer.deserialize(snapshot);

        Holdings holdings = holdings(read);
        // 12:10 is inside the 15-minute cleaning buffer after b1.
        assertThat(holdings.clashes(ResourceScheduleTest.at(3, 2, 12, 10).atZone(ZONE).toOffsetDateTime(),
                ResourceScheduleTest.at(3, 2, 13, 0).atZone(ZONE).toOffsetDateTime(), null)).extracting(Clash::bookingId).containsExactly("b1");
        assertThat(holdings.waiting()).extracting(Waiting::entryId).containsExactly("w1");
    }

    private static Holdings holdings(ResourceSchedule schedule) throws ReflectiveOperationException {
        Field field = ResourceSchedule.class.getDeclaredField("holdings");
        field.setAccessible(true);
        return (Holdings) field.get(schedule);
    }
}
