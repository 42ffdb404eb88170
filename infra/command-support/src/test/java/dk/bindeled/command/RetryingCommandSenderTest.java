package dk.bindeled.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.CannotSerializeTransactionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Which failures are sent again, how often, what is counted, and what the caller gets when the attempts run out. */
class RetryingCommandSenderTest {

    record Book(String room) {
    }

    final CommandGateway gateway = mock(CommandGateway.class);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RetryingCommandSender sender = new RetryingCommandSender(gateway, () -> "husleder@test", meters,
            new RetryPolicy(3, Duration.ZERO, Duration.ZERO));

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aLostRaceIsSentAgainAndCounted() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 7 taken")).thenReturn("booked");
        assertThat(sender.<String>send(new Book("salen"))).isEqualTo("booked");
        assertThat(retries("concurrency", "retried")).isEqualTo(1);
    }

    @Test
    void deadlockAndSerialisationVictimsAreSentAgain() {
        when(gateway.sendAndWait(any()))
                .thenThrow(new CannotAcquireLockException("deadlock"))
                .thenThrow(new CannotSerializeTransactionException("serialisation"))
                .thenReturn("booked");
        assertThat(sender.<String>send(new Book("salen"))).isEqualTo("booked");
        assertThat(retries("database-lock", "retried")).isEqualTo(2);
    }

    @Test
    void aDeadlockStateDeepInTheCauseChainIsRecognised() {
        // As Axon's event store or Hibernate wrap it: no Spring translation on the way, only the driver's SQLState.
        RuntimeException deadlock = new IllegalStateException("append failed",
                new RuntimeException("could not execute statement", new SQLException("deadlock detected", "40P01")));
        RuntimeException serialisation = new RuntimeException(new SQLException("could not serialize access", "40001"));
        when(gateway.sendAndWait(any())).thenThrow(deadlock).thenThrow(serialisation).thenReturn("booked");
        assertThat(sender.<String>send(new Book("salen"))).isEqualTo("booked");
        assertThat(retries("database-lock", "retried")).isEqualTo(2);
    }

    @Test
    void theCommandsOwnAnswersAreNotRetried() {
        when(gateway.sendAndWait(any())).thenThrow(new IllegalArgumentException("closed on Sundays"));
        assertThatThrownBy(() -> sender.send(new Book("salen"))).isInstanceOf(IllegalArgumentException.class);
        doThrow(new DataIntegrityViolationException("duplicate id")).when(gateway).sendAndWait(any());
        assertThatThrownBy(() -> sender.send(new Book("salen"))).isInstanceOf(DataIntegrityViolationException.class);
        verify(gateway, times(2)).sendAndWait(any());
    }

    @Test
    void aCreationOfAnExistingIdIsNotRetriedThoughItIsAConcurrencyException() {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));
        assertThatThrownBy(() -> sender.send(new Book("salen"))).isInstanceOf(AggregateStreamCreationException.class);
        verify(gateway, times(1)).sendAndWait(any());
    }

    @Test
    void racesLostEveryTimeBecomeA409WithRetryAfter() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence 7 taken"));
        assertThatThrownBy(() -> sender.send(new Book("salen"))).isInstanceOfSatisfying(CommandRetriesExhaustedException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(409);
            assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(e.getBody().getType().toString()).isEqualTo("https://bindeled.dk/problems/concurrent-change");
            assertThat(e.getBody().getDetail()).doesNotContain("sequence 7");
        });
        verify(gateway, times(3)).sendAndWait(any());
        assertThat(retries("concurrency", "retried")).isEqualTo(2);
        assertThat(retries("concurrency", "exhausted")).isEqualTo(1);
    }

    @Test
    void deadlocksEveryTimeBecomeA503WithRetryAfter() {
        when(gateway.sendAndWait(any())).thenThrow(new CannotAcquireLockException("deadlock on quota_usage"));
        assertThatThrownBy(() -> sender.send(new Book("salen"))).isInstanceOfSatisfying(CommandRetriesExhaustedException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(503);
            assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(e.getBody().getDetail()).doesNotContain("quota_usage");
        });
    }

    @Test
    void everyAttemptCarriesTheActor() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("again")).thenReturn("booked");
        sender.send(new Book("salen"));
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).allSatisfy(m -> {
            assertThat(((CommandMessage<?>) m).getMetaData()).containsEntry("actor", "husleder@test");
            assertThat(((CommandMessage<?>) m).getPayload()).isEqualTo(new Book("salen"));
        });
    }

    @Test
    void theBackoffIsJitteredAndBounded() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(40));
        for (int attempt = 1; attempt <= 8; attempt++) {
            for (int i = 0; i < 50; i++) {
                Duration pause = policy.backoffAfter(attempt);
                assertThat(pause).isBetween(Duration.ZERO, Duration.ofMillis(Math.min(40, 5L << (attempt - 1))));
            }
        }
    }

    private double retries(String reason, String outcome) {
        var counter = meters.find("bindeled.commands.retries").tags("command", "Book", "reason", reason, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
