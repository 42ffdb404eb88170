package dk.bindeled.axon;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes the {@link ProjectionReplay} of each rebuildable projection: a service names the projection, its tables
 * and how to make its handlers for one set of tables; the rest is the same everywhere. Per projection
 * {@code bindeled.axon.projections.<name>.batch-size} (default 1) and {@code .token-claim-interval} (PT5S), and
 * {@code bindeled.axon.projections.poll-interval} (PT1S): how soon a node joins a rebuild or a switch made elsewhere.
 */
public class ProjectionReplays {

    /** Bean name of an optional hook called before each event of a rebuild: tests hold a rebuild back with it. */
    public static final String REBUILD_HOOK = "projectionRebuildHook";

    private final DataSource dataSource;
    private final Configuration axon;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final Environment environment;
    private final Consumer<EventMessage<?>> rebuildHook;

    public ProjectionReplays(DataSource dataSource, Configuration axon, EventStore eventStore, TokenStore tokenStore,
                             TransactionManager transactionManager, Serializer serializer, Environment environment,
                             Consumer<EventMessage<?>> rebuildHook) {
        this.dataSource = dataSource;
        this.axon = axon;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        this.environment = environment;
        this.rebuildHook = rebuildHook;
    }

    public ProjectionReplay create(String projection, List<String> tables, Function<ProjectionTables.Slot, Object> handlers) {
        String prefix = "bindeled.axon.projections.";
        ProjectionReplay.Settings settings = new ProjectionReplay.Settings(StreamingProcessorDefaults.SEGMENTS,
                StreamingProcessorDefaults.THREADS,
                environment.getProperty(prefix + projection + ".batch-size", Integer.class, 1),
                environment.getProperty(prefix + projection + ".token-claim-interval", Duration.class, Duration.ofSeconds(5)),
                environment.getProperty(prefix + "poll-interval", Duration.class, Duration.ofSeconds(1)));
        return new ProjectionReplay(new ProjectionTables(projection, tables), handlers, settings, JdbcClient.create(dataSource),
                axon, eventStore, tokenStore, transactionManager, serializer, rebuildHook);
    }
}
