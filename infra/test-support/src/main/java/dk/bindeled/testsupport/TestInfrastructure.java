package dk.bindeled.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real parts integration tests run against, one set per test JVM.
 *
 * <p>Where a Docker engine answers, Kafka and PostgreSQL run in Testcontainers. Without one, Kafka is
 * the in-process KRaft broker and PostgreSQL is the machine's server (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}; override with
 * {@code BINDELED_TEST_PG_URL}, {@code BINDELED_TEST_PG_USER}, {@code BINDELED_TEST_PG_PASSWORD}).
 * {@code BINDELED_TEST_INFRA=embedded} or {@code =docker} forces a choice. Nothing is ever skipped:
 * without a database and without Docker, tests fail saying what to start.
 */
public final class TestInfrastructure {

    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String POSTGRES_IMAGE = "postgres:17-alpine";

    private static TestKafka kafka;
    private static TestDatabases databases;

    private TestInfrastructure() {
    }

    public static synchronized TestKafka kafka() {
        if (kafka == null) {
            kafka = useDocker() ? new ContainerTestKafka() : new EmbeddedTestKafka();
            LOG.info("Tests use Kafka: {}", kafka.describe());
        }
        return kafka;
    }

    /**
     * A broker of the caller's own, empty (embedded, or a container where Docker is), which the caller stops. For a test
     * whose services start from the beginning of every topic and so must not read what earlier tests left on the shared
     * broker: a fresh dashboard catching up on another suite's thousands of bookings, or a room booking booking another
     * suite's meeting rooms.
     */
    public static TestKafka newKafka() {
        TestKafka own = useDocker() ? new ContainerTestKafka() : new EmbeddedTestKafka();
        LOG.info("A test uses a Kafka of its own: {}", own.describe());
        return own;
    }

    /** A new, empty PostgreSQL database; returns its JDBC URL. */
    public static synchronized String newDatabase(String purpose) {
        return databases().create(purpose);
    }

    public static synchronized String databaseUser() {
        return databases().user();
    }

    public static synchronized String databasePassword() {
        return databases().password();
    }

    /**
     * Spring properties for a service under test: its own new database, the shared broker and the shared token issuer.
     * Register them with {@code @DynamicPropertySource}.
     */
    public static Map<String, String> springProperties(String purpose) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", newDatabase(purpose));
        props.put("spring.datasource.username", databaseUser());
        props.put("spring.datasource.password", databasePassword());
        props.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        props.putAll(TestIssuer.shared().springProperties());
        return props;
    }

    static TestDatabases databases() {
        if (databases == null) {
            databases = useDocker() ? containerDatabases() : localDatabases();
            LOG.info("Tests create their databases on {}", databases.adminUrl());
        }
        return databases;
    }

    private static TestDatabases localDatabases() {
        String url = env("BINDELED_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("BINDELED_TEST_PG_USER", "postgres");
        String password = env("BINDELED_TEST_PG_PASSWORD", "");
        if (!TestDatabases.reachable(url, user, password)) {
            throw new IllegalStateException("""
                    Integration tests need PostgreSQL, and there is neither a Docker engine nor a database at %s (user %s).
                    Start the machine's PostgreSQL (for example: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start),
                    point BINDELED_TEST_PG_URL at one, or run a Docker engine.""".formatted(url, user));
        }
        return new TestDatabases(url, user, password);
    }

    @SuppressWarnings("resource")
    private static TestDatabases containerDatabases() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        postgres.start();
        return new TestDatabases(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    private static boolean useDocker() {
        String forced = System.getenv("BINDELED_TEST_INFRA");
        if ("embedded".equalsIgnoreCase(forced)) {
            return false;
        }
        if ("docker".equalsIgnoreCase(forced)) {
            return true;
        }
        // Without a socket or DOCKER_HOST there is nothing to find; Testcontainers' probe would only log an error.
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                && !java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error noDocker) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
