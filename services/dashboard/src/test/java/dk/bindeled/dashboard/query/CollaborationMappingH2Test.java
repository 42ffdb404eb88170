package dk.bindeled.dashboard.query;

import java.util.UUID;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The mapping on H2 in PostgreSQL mode, the database of a local run (same URL options as application.yml). */
class CollaborationMappingH2Test extends CollaborationMappingContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource("jdbc:h2:mem:dashboard_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL", "sa", "", true);
    }
}
