package dk.bindeled.command;

import dk.bindeled.axon.AxonSupportAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends a command and waits for its outcome, stamped with who sent it ({@link CommandActor}).
 * <p>
 * A command that failed only because another writer got in the way ({@link TransientFailure}: a lost race for
 * the aggregate's next sequence number, or a transaction the database aborted as a deadlock or serialisation
 * victim) is sent again after a short jittered pause: the retry decides against the state as it now is, so the
 * loser of a race gets the real answer (a 409 naming the winner, say) instead of an error. Every retry is
 * counted ({@code bindeled.commands.retries}); when the attempts run out the answer is a
 * {@link CommandRetriesExhaustedException} (409 or 503 with {@code Retry-After}). Any other failure is the
 * command's own answer and is thrown as it is, for the service to map.
 */
public class RetryingCommandSender {

    private final CommandGateway commands;
    private final CommandActor actor;
    private final MeterRegistry meters;
    private final RetryPolicy policy;

    public RetryingCommandSender(CommandGateway commands, CommandActor actor, MeterRegistry meters, RetryPolicy policy) {
        this.commands = commands;
        this.actor = actor;
        this.meters = meters;
        this.policy = policy;
    }

    /** Sent on behalf of the current request's actor. */
    public <R> R send(Object command) {
        return send(command, actor.current());
    }

    public <R> R send(Object command, String actorName) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(AxonSupportAutoConfiguration.ACTOR, actorName));
        String name = command.getClass().getSimpleName();
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(message);
            } catch (RuntimeException e) {
                TransientFailure kind = TransientFailure.of(e);
                if (kind == null) {
                    throw e;
                }
                boolean exhausted = attempt >= policy.attempts();
                meters.counter("bindeled.commands.retries", "command", name, "reason", kind.tag,
                        "outcome", exhausted ? "exhausted" : "retried").increment();
                if (exhausted) {
                    throw new CommandRetriesExhaustedException(kind, attempt, e);
                }
                pause(policy.backoffAfter(attempt), kind, attempt, e);
            }
        }
    }

    private static void pause(Duration backoff, TransientFailure kind, int attempt, RuntimeException failure) {
        if (backoff.isZero()) {
            return;
        }
        try {
            Thread.sleep(backoff.toMillis(), backoff.toNanosPart() % 1_000_000);
        } catch (InterruptedException interrupted) {
            // Shutting down: give up now, with the answer an exhausted retry gets; nothing was stored.
            Thread.currentThread().interrupt();
            throw new CommandRetriesExhaustedException(kind, attempt, failure);
        }
    }
}
