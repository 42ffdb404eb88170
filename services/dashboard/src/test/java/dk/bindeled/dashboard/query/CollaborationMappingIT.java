package dk.bindeled.dashboard.query;

import dk.bindeled.testsupport.TestInfrastructure;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The mapping on PostgreSQL, the production database: a new database for every test. */
class CollaborationMappingIT extends CollaborationMappingContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource(TestInfrastructure.newDatabase("dashboard_projection"),
                TestInfrastructure.databaseUser(), TestInfrastructure.databasePassword(), true);
    }
}
