package dk.bindeled.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class DeadlineSerializerTest {

    @Test
    void aScheduledDeadlineKeepsTheIdOfItsAggregateEvenWhenTheIdWasOnlySupplied() {
        // As an aggregate schedules a deadline: its scope knows the id only through a supplier until asked.
        AggregateScopeDescriptor scope = new AggregateScopeDescriptor("ResourceSchedule", () -> "room-1");
        Serializer serializer = AxonSupportAutoConfiguration.deadlineSerializer();

        SerializedObject<byte[]> stored = serializer.serialize(scope, byte[].class);
        AggregateScopeDescriptor read = serializer.deserialize(stored);

        assertThat(read.getType()).isEqualTo("ResourceSchedule");
        assertThat(read.getIdentifier()).isEqualTo("room-1");
    }

    @Test
    void theFieldOnlyEventSerializerWouldHaveLostIt() {
        AggregateScopeDescriptor scope = new AggregateScopeDescriptor("ResourceSchedule", () -> "room-1");
        Serializer events = JacksonSerializer.builder().objectMapper(AxonSupportAutoConfiguration.axonObjectMapper()).build();

        AggregateScopeDescriptor read = events.deserialize(events.serialize(scope, byte[].class));

        assertThat(read).extracting("identifier").isNull();
    }
}
