package dk.bindeled.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTablesTest {

    private final ProjectionTables tables = new ProjectionTables("directory", List.of("offer_target_group", "offer", "partner"));

    @Test
    void evenGenerationsWriteTheASetAndOddOnesTheB() {
        assertThat(tables.slot(0).tables()).containsExactly("offer_target_group_a", "offer_a", "partner_a");
        assertThat(tables.slot(3).tables()).containsExactly("offer_target_group_b", "offer_b", "partner_b");
    }

    @Test
    void onlyWholeTableNamesAreRewrittenNotColumnsThatStartWithThem() {
        assertThat(tables.slot(1).sql("INSERT INTO offer (id, partner_id, offer_id) SELECT p.id FROM partner p"
                + " JOIN offer_target_group g ON g.offer_id = p.id"))
                .isEqualTo("INSERT INTO offer_b (id, partner_id, offer_id) SELECT p.id FROM partner_b p"
                        + " JOIN offer_target_group_b g ON g.offer_id = p.id");
    }
}
