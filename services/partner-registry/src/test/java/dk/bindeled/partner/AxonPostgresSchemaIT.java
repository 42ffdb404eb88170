package dk.bindeled.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The known traps of Axon on PostgreSQL, asserted on the real schema: payloads, metadata, snapshots
 * and tokens in bytea (never oid large objects), and the global index sequence handing out one value
 * at a time. Snapshots are taken and a snapshotted partner still loads.
 */
class AxonPostgresSchemaIT extends IntegrationTest {

    @Test
    void axonTablesUseByteaAndASequenceOfIncrementOne() {
        register(Fixtures.profile("Bibliotek og Medborgercenter Hedemarken", null));

        List<String> oidColumns = jdbc.sql("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'oid'""").query(String.class).list();
        assertThat(oidColumns).isEmpty();

        Map<String, String> types = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                  AND column_name IN ('payload', 'meta_data', 'token')""")
                .query(rs -> {
                    types.put(rs.getString("col"), rs.getString("data_type"));
                });
        assertThat(types).containsEntry("domain_event_entry.payload", "bytea")
                .containsEntry("domain_event_entry.meta_data", "bytea")
                .containsEntry("snapshot_event_entry.payload", "bytea")
                .containsEntry("snapshot_event_entry.meta_data", "bytea")
                .containsEntry("token_entry.token", "bytea");

        Long increment = jdbc.sql("SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_seq'")
                .query(Long.class).single();
        assertThat(increment).isEqualTo(1L);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM token_entry").query(Long.class).single() >= 2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
    }

    @Test
    void globalIndexesAreConsecutiveWithoutConcurrentWriters() {
        String id = register(Fixtures.profile("Tirsdagstræf – kun for mænd", null));
        for (int i = 0; i < 5; i++) {
            call(HttpMethod.POST, "/api/partners/" + id + "/contacts", Map.of("name", "Kontakt " + i));
        }
        List<Long> indexes = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY global_index")
                .param(id).query(Long.class).list();
        assertThat(indexes).hasSize(6);
        assertThat(indexes.get(5) - indexes.get(0)).isEqualTo(5);
    }

    @Test
    void aLongLivedPartnerIsSnapshottedAndStillLoads() {
        String id = register(Fixtures.profile("Sundheds- og Kvartershuset", null));
        for (int i = 0; i < 45; i++) {
            Response added = call(HttpMethod.POST, "/api/partners/" + id + "/contacts", Map.of("name", "Medarbejder " + i));
            assertThat(added.status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(id).query(Long.class).single() > 0);

        // Loads from the snapshot plus the events after it, and the rules still hold.
        Response offer = call(HttpMethod.POST, "/api/partners/" + id + "/offers", Fixtures.babyCafe());
        assertThat(offer.status()).isEqualTo(201);
        assertThat(call(HttpMethod.POST, "/api/partners/" + id + "/deactivation", null).status()).isEqualTo(204);
        assertThat(call(HttpMethod.POST, "/api/partners/" + id + "/deactivation", null).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_largeobject_metadata").query(Long.class).single()).isZero();
    }
}
