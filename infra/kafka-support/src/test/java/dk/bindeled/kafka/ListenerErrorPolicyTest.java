package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

class ListenerErrorPolicyTest {

    private final List<Exception> recovered = new ArrayList<>();
    // No pauses between attempts: the test calls the handler attempt by attempt.
    private final DefaultErrorHandler handler = ListenerErrorPolicy.errorHandler((record, consumer, failure) -> recovered.add(failure),
            Duration.ZERO, Duration.ZERO);
    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("bindeled.partner.v1", 1, 42L, "p1", new byte[] {1});

    @Test
    void anUnreadableRecordGoesToTheRecovererAtOnce() {
        Exception failure = new ListenerExecutionFailedException("listener failed", new UnreadableEventException("no ce_type"));

        boolean handled = handler.handleOne(failure, record, mock(Consumer.class), mock(MessageListenerContainer.class));

        assertThat(handled).as("recovered, so the container moves on to the next record").isTrue();
        assertThat(recovered).containsExactly(failure);
    }

    @Test
    void aDatabaseOutageIsRetriedRatherThanDeadLettered() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection", new CannotGetJdbcConnectionException("refused")));

        boolean handled = handler.handleOne(failure, record, mock(Consumer.class), mock(MessageListenerContainer.class));

        assertThat(handled).as("not recovered, so the record is fetched again").isFalse();
        assertThat(recovered).isEmpty();
    }

    @Test
    void aBugIsRetriedRatherThanDeadLettered() {
        for (Exception cause : List.of(new IllegalStateException("bug"), new DataIntegrityViolationException("value too long"),
                new ClassCastException("wrong type"), new NullPointerException())) {
            Exception failure = new ListenerExecutionFailedException("listener failed", cause);
            for (int attempt = 0; attempt < 20; attempt++) {
                boolean handled = handler.handleOne(failure, record, mock(Consumer.class), mock(MessageListenerContainer.class));

                assertThat(handled).as("attempt %d after %s: not recovered, so the record is fetched again", attempt, cause).isFalse();
            }
        }
        assertThat(recovered).isEmpty();
    }

    @Test
    void retriesNeverEndAndThePausesGrowToTheirLimit() {
        BackOffExecution execution = ListenerErrorPolicy.backOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).start();

        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            pauses.add(execution.nextBackOff());
        }

        assertThat(pauses).doesNotContain(BackOffExecution.STOP);
        assertThat(pauses.get(0)).isEqualTo(1_000);
        assertThat(pauses.get(1)).isGreaterThan(pauses.get(0));
        assertThat(pauses).allMatch(p -> p <= 30_000);
        assertThat(pauses.get(999)).isEqualTo(30_000);
    }
}
