package dk.bindeled.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock that stands still where a test puts it, in Europe/Copenhagen: "today" and "now" are the test's to choose. */
public final class MutableClock extends Clock {

    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant now) {
        this(new AtomicReference<>(now), COPENHAGEN);
    }

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Import into a Spring test to replace the application's clock with one the test sets. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }
}
