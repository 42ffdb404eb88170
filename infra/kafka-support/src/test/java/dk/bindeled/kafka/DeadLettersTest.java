package dk.bindeled.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dk.bindeled.events.cloudevents.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLettersTest {

    @Test
    void theReasonIsTheCodecsExplanationNotTheFrameworksWrapper() {
        Exception failure = new ListenerExecutionFailedException("Listener method threw",
                new UnreadableEventException("CloudEvent e1 data breaks https://schemas.bindeled.dk/partner/v1/PartnerRegistered.schema.json"));

        Headers headers = DeadLetters.reasonHeaders(failure);

        assertThat(new String(headers.lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("CloudEvent e1 data breaks https://schemas.bindeled.dk/partner/v1/PartnerRegistered.schema.json");
    }

    @Test
    void otherFailuresAreExplainedByTheirInnermostCause() {
        Exception failure = new ListenerExecutionFailedException("Listener method threw",
                new IllegalStateException("wrapper", new ArithmeticException("/ by zero")));

        assertThat(DeadLetters.reason(failure)).isEqualTo("ArithmeticException: / by zero");
    }

    @Test
    void aVeryLongReasonIsCutToFitAHeader() {
        String reason = DeadLetters.reason(new UnreadableEventException("x".repeat(10_000)));

        assertThat(reason).hasSize(2000).endsWith("…");
    }
}
