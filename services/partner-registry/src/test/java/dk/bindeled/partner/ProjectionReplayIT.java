package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ProjectionReplayIT extends IntegrationTest {

    @Test
    void theDirectoryIsRebuiltFromTheEventStoreWithProgressReported() {
        String id = register(Fixtures.profile("Genopbygget forening", null));
        call(HttpMethod.POST, "/api/partners/" + id + "/offers", Fixtures.babyCafe());
        call(HttpMethod.PUT, "/api/partners/" + id + "/centres/hedemarken", Map.of("role", "AD_HOC_ACTOR"));
        await().atMost(Duration.ofSeconds(10)).until(() -> historySize(id) == 3);
        String before = call(HttpMethod.GET, "/api/partners/" + id, null).text();

        Response started = call(HttpMethod.POST, "/admin/projections/directory/replay", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().get("projection").asText()).isEqualTo("directory");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response status = call(HttpMethod.GET, "/admin/projections/directory", null);
            assertThat(status.body().get("replaying").asBoolean()).isFalse();
            assertThat(status.body().get("percent").asInt()).isEqualTo(100);
            assertThat(status.body().get("position").asLong()).isEqualTo(status.body().get("head").asLong());
        });
        assertThat(historySize(id)).isEqualTo(3);
        assertThat(call(HttpMethod.GET, "/api/partners/" + id, null).text()).isEqualTo(before);
    }

    private long historySize(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_history WHERE partner_id = ?").param(id).query(Long.class).single();
    }
}
