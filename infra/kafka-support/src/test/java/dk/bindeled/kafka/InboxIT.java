package dk.bindeled.kafka;

import dk.bindeled.testsupport.TestInfrastructure;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The inbox on PostgreSQL, the production database: a new database for every test. */
class InboxIT extends InboxContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource(TestInfrastructure.newDatabase("kafka_support_inbox"),
                TestInfrastructure.databaseUser(), TestInfrastructure.databasePassword(), true);
    }
}
