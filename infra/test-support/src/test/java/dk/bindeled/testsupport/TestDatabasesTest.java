package dk.bindeled.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against the machine's PostgreSQL (or the container), as every integration test. */
class TestDatabasesTest {

    private final TestDatabases databases = TestInfrastructure.databases();

    @Test
    void theDropWaitsForTheLastConnectionInsteadOfPullingTheDatabaseFromUnderIt() throws Exception {
        String url = databases.create("drop_waits");
        String name = url.substring(url.lastIndexOf('/') + 1);
        Connection stillClosing = DriverManager.getConnection(url, databases.user(), databases.password());

        CompletableFuture<Void> drop = CompletableFuture.runAsync(databases::dropCreated);
        Thread.sleep(500);
        assertThat(drop).as("the drop waits while a connection is open").isNotDone();
        try (Statement s = stillClosing.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).as("the connection still works: its database was not dropped under it").isTrue();
        }
        stillClosing.close();

        drop.get(10, TimeUnit.SECONDS);
        try (Connection admin = DriverManager.getConnection(databases.adminUrl(), databases.user(), databases.password());
             Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("dropped once nobody used it").isZero();
        }
    }
}
