package dk.bindeled.command;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how soon a command that lost a race is sent again. The pause before retry {@code n} is random
 * between zero and {@code initialBackoff × 2^(n-1)}, at most {@code maxBackoff} ("full jitter"): the writers that
 * collided then come back at different moments instead of colliding again together.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(5), Duration.ofMillis(100));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
    }

    /** The pause before the retry that follows the given failed attempt (1 for the first). */
    Duration backoffAfter(int attempt) {
        long ceiling = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() << Math.min(attempt - 1, 20));
        return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
