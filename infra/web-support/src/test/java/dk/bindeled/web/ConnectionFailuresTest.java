package dk.bindeled.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ConnectionFailuresTest {

    /** What Axon throws when the connection dies while it appends: a misleading message, the truth in the cause. */
    static class EventStoreException extends RuntimeException {
        EventStoreException(Throwable cause) {
            super("An event for aggregate [r-1] at sequence [1] was already inserted", cause);
        }
    }

    @RestController
    static class Bookings {

        @PostMapping("/bookings")
        String book() {
            throw new EventStoreException(new RuntimeException("could not extract ResultSet",
                    new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        }

        @PostMapping("/bookings/deadlocked")
        String deadlocked() {
            throw new IllegalStateException("batch failed", new SQLException("deadlock detected", "40P01"));
        }
    }

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems extends ProblemResponses {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Bookings()).setControllerAdvice(new Problems()).build();

    @Test
    void aConnectionLostUnderAnotherExceptionIsA503WithRetryAfterAndNoInternals() throws Exception {
        mvc.perform(post("/bookings").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", ProblemResponses.DATABASE_RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.type").value("https://bindeled.dk/problems/database-unavailable"))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("administrator"))))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("inserted"))));
    }

    @Test
    void anyOtherDatabaseFailureStaysA500() throws Exception {
        mvc.perform(post("/bookings/deadlocked").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://bindeled.dk/problems/internal"));
    }

    @Test
    void recognisesConnectionFailuresBySpringTypeJdbcTypeAndSqlStateClass08() {
        assertThat(ConnectionFailures.isConnectionFailure(new DataAccessResourceFailureException("Unable to commit"))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new RuntimeException(new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new IllegalStateException("connection pool exhausted"))).isFalse();
    }

    @Test
    void aCauseChainWithALoopEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(ConnectionFailures.isConnectionFailure(first)).isFalse();
    }
}
