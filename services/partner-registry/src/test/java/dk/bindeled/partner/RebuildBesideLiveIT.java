package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild of the directory runs beside the live tables: while it is held back at its first event, every query
 * still answers the whole directory and new events still reach it; released, it catches up, is switched to, and
 * the directory is the same and goes on taking events.
 */
@Import(RebuildBesideLiveIT.HoldTheRebuild.class)
@TestPropertySource(properties = "bindeled.axon.projections.poll-interval=PT0.2S")
class RebuildBesideLiveIT extends IntegrationTest {

    /** Open unless a test closes it; the rebuild's events wait at it (the live processor's never do). */
    static volatile CountDownLatch gate = new CountDownLatch(0);

    @TestConfiguration
    static class HoldTheRebuild {
        /** Named as axon-support's ProjectionReplays looks it up; called before each event of a rebuild. */
        @Bean("projectionRebuildHook")
        Consumer<EventMessage<?>> projectionRebuildHook() {
            return event -> {
                try {
                    gate.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Test
    void duringARebuildTheQueriesAnswerEverythingAndAfterTheSwitchTheDirectoryIsCompleteAndLive() {
        String tag = "genopbyg" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = register(Fixtures.profile("Forening " + i + " " + tag, null));
            call(HttpMethod.POST, "/api/partners/" + id + "/offers", Fixtures.babyCafe());
            ids.add(id);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> historySize(id) == 2));
        Map<String, String> before = new LinkedHashMap<>();
        ids.forEach(id -> before.put(id, call(HttpMethod.GET, "/api/partners/" + id, null).text()));
        long generation = status().path("generation").asLong(0);

        gate = new CountDownLatch(1);
        assertThat(call(HttpMethod.POST, "/admin/projections/directory/replay", null).status()).isEqualTo(202);

        before.forEach((id, text) -> assertThat(call(HttpMethod.GET, "/api/partners/" + id, null).text()).as(id).isEqualTo(text));
        String search = call(HttpMethod.GET, "/api/partners?q=" + tag + "&size=50", null).text();
        assertThat(search).contains(ids);
        assertThat(status().get("replaying").asBoolean()).as("the answers above were given during the rebuild").isTrue();
        String duringRebuild = register(Fixtures.profile("Under genopbygningen " + System.nanoTime(), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, "/api/partners/" + duringRebuild, null).status() == 200);
        assertThat(status().get("replaying").asBoolean()).as("still held back").isTrue();

        gate.countDown();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = status();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("generation").asLong()).isEqualTo(generation + 1);
            assertThat(status.get("percent").asInt()).isEqualTo(100);
        });
        before.forEach((id, text) -> assertThat(call(HttpMethod.GET, "/api/partners/" + id, null).text()).as(id).isEqualTo(text));
        assertThat(call(HttpMethod.GET, "/api/partners?q=" + tag + "&size=50", null).text()).isEqualTo(search);
        assertThat(call(HttpMethod.GET, "/api/partners/" + duringRebuild, null).status()).isEqualTo(200);
        String afterSwitch = register(Fixtures.profile("Efter skiftet " + System.nanoTime(), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> call(HttpMethod.GET, "/api/partners/" + afterSwitch, null).status() == 200);
    }

    private JsonNode status() {
        return call(HttpMethod.GET, "/admin/projections/directory", null).body();
    }

    private long historySize(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM partner_history WHERE partner_id = ?").param(id).query(Long.class).single();
    }
}
