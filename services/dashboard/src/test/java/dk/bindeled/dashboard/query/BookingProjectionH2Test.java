package dk.bindeled.dashboard.query;

import java.util.UUID;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The booking projection and queries on H2 in PostgreSQL mode, the database of a local run. */
class BookingProjectionH2Test extends BookingProjectionContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource("jdbc:h2:mem:dashboard_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL", "sa", "", true);
    }
}
