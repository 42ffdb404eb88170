package dk.bindeled.dashboard.query;

import dk.bindeled.testsupport.TestInfrastructure;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The booking projection and queries on PostgreSQL, the production database: a new database for every test. */
class BookingProjectionIT extends BookingProjectionContract {

    @Override
    SingleConnectionDataSource dataSource() {
        return new SingleConnectionDataSource(TestInfrastructure.newDatabase("dashboard_booking"),
                TestInfrastructure.databaseUser(), TestInfrastructure.databasePassword(), true);
    }
}
