package dk.bindeled.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    private static final Instant ISSUED = Instant.parse("2026-12-02T10:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED.plusSeconds(1));
    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    /** Stands for the signature check: counts the tokens it was asked about, refuses any named "tampered". */
    private final JwtDecoder signatures = token -> {
        verified.add(token);
        if (token.startsWith("tampered")) {
            throw new BadJwtException("Signed by someone else");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("husleder")
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build();
    };
    private final VerifiedTokenCache cache;

    VerifiedTokenCacheTest() {
        timestamps.setClock(new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        cache = new VerifiedTokenCache(signatures, timestamps);
    }

    @Test
    void aTokenUsedAgainIsNotVerifiedAgain() {
        Jwt first = cache.decode("a");
        Jwt second = cache.decode("a");
        cache.decode("b");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("a", "b");
    }

    @Test
    void aCachedTokenIsRefusedTheMomentItExpires() {
        cache.decode("a");
        now.set(ISSUED.plus(Duration.ofMinutes(15)).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode("a")).isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
        assertThat(cache.size()).as("forgotten once refused").isZero();
        assertThat(verified).containsExactly("a");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("tampered.a")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("tampered.a")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("tampered.a", "tampered.a");
        assertThat(cache.size()).isZero();
    }

    @Test
    void manyClientsAtOnceStartTheCacheAfresh() {
        for (int i = 0; i < VerifiedTokenCache.MAX_ENTRIES + 5; i++) {
            cache.decode("t" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(VerifiedTokenCache.MAX_ENTRIES);
        cache.decode("t" + (VerifiedTokenCache.MAX_ENTRIES + 4));
        assertThat(verified).hasSize(VerifiedTokenCache.MAX_ENTRIES + 5);
    }
}
