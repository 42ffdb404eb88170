package dk.bindeled.dashboard.query;

import dk.bindeled.testsupport.TestInfrastructure;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The inbox clean-up on PostgreSQL, the production database: a new database for every test. */
class InboxRetentionIT extends InboxRetentionContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource(TestInfrastructure.newDatabase("dashboard_inbox"),
                TestInfrastructure.databaseUser(), TestInfrastructure.databasePassword(), true);
    }
}
