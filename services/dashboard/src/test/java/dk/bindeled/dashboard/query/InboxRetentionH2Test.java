package dk.bindeled.dashboard.query;

import java.util.UUID;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The inbox clean-up on H2 in PostgreSQL mode, the database of a local run. */
class InboxRetentionH2Test extends InboxRetentionContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource("jdbc:h2:mem:dashboard_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL", "sa", "", true);
    }
}
