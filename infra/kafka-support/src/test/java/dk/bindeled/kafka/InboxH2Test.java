package dk.bindeled.kafka;

import java.util.UUID;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The inbox on H2 in PostgreSQL mode, the database of a local run. */
class InboxH2Test extends InboxContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource("jdbc:h2:mem:inbox_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL", "sa", "", true);
    }
}
