package dk.bindeled.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoPartnerIdsTest {

    @Test
    void aKeysIdIsTheNameBasedUuidOfTheNamespacedKey() {
        assertThat(DemoPartnerIds.of("cafe-sumak"))
                .isEqualTo(UUID.nameUUIDFromBytes("bindeled-demo-partner:cafe-sumak".getBytes(StandardCharsets.UTF_8)))
                // Pinned: the local stack registers the partner under this id; a change here must be a change there.
                .isEqualTo(UUID.fromString("ad498a51-909b-39fc-a44e-dd6565ef4311"));
        assertThat(DemoPartnerIds.of("cafe-sumak").version()).isEqualTo(3);
        assertThat(DemoPartnerIds.of("lektiehjaelpen")).isNotEqualTo(DemoPartnerIds.of("cafe-sumak"));
    }

    @Test
    void aBlankKeyHasNoId() {
        assertThatThrownBy(() -> DemoPartnerIds.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
