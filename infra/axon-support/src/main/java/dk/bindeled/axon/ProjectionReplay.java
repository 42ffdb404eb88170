package dk.bindeled.axon;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs one rebuildable projection and rebuilds it beside its live tables. The projection has two sets of tables
 * ({@link ProjectionTables}); each generation of the projection is written by a pooled streaming processor of its
 * own name ({@code <projection>} for generation 0, {@code <projection>-<n>} after), into its set, from the first
 * event. {@code projection_generation} says which generation is live (the queries' views show its tables) and
 * which is being built. A rebuild is only a new generation: it starts from the beginning of the store into the
 * other set while the live generation keeps serving and updating its own; no token another node holds is ever
 * reset. Once every segment of the new generation has reached the head of the store, one conditional update of
 * that row makes it live: the views show its tables at once to every node, its processor goes on as the live
 * one, and the old generation's tokens and rows are removed.
 * <p>
 * Every node runs the processors of the generations the row names, looking again every poll interval (a rebuild
 * started on another node is joined within one), and shares their segments with the other nodes like any
 * streaming processor. A processor whose generation is no longer named (another node switched, this one has not
 * looked yet) refuses each batch before it writes, so a retired processor never touches a set that is rebuilt.
 */
public class ProjectionReplay implements SmartLifecycle {

    /** Where the projection is: the lowest position of its segments against the head of the store. */
    public record Status(String projection, boolean running, boolean replaying, long position, long head, int percent,
                         long generation) {
    }

    /** How each generation's processor runs; the segments and threads are those of every streaming processor. */
    public record Settings(int segments, int threads, int batchSize, Duration tokenClaimInterval, Duration pollInterval) {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final ProjectionTables tables;
    private final Function<ProjectionTables.Slot, Object> handlers;
    private final Settings settings;
    private final JdbcClient jdbc;
    private final Configuration axon;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final Consumer<EventMessage<?>> rebuildHook;
    private final Map<Long, Running> running = new HashMap<>();
    private ScheduledExecutorService poller;

    private record Running(PooledStreamingEventProcessor processor, List<ExecutorService> executors) {
    }

    private record Generations(long live, Long building) {
        Set<Long> named() {
            Set<Long> named = new HashSet<>();
            named.add(live);
            if (building != null) {
                named.add(building);
            }
            return named;
        }
    }

    public ProjectionReplay(ProjectionTables tables, Function<ProjectionTables.Slot, Object> handlers, Settings settings,
                            JdbcClient jdbc, Configuration axon, EventStore eventStore, TokenStore tokenStore,
                            TransactionManager transactionManager, Serializer serializer, Consumer<EventMessage<?>> rebuildHook) {
        this.tables = tables;
        this.handlers = handlers;
        this.settings = settings;
        this.jdbc = jdbc;
        this.axon = axon;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        this.rebuildHook = rebuildHook;
    }

    public String projection() {
        return tables.projection();
    }

    /**
     * Starts a rebuild into the other set of tables, unless one is under way (then this is its status). Whatever
     * a retired generation may have left in that set goes first, in the same transaction.
     */
    public synchronized Status rebuild() {
        Generations generations = generations();
        if (generations.building() == null) {
            long next = generations.live() + 1;
            transactionManager.executeInTransaction(() -> {
                int claimed = jdbc.sql("""
                        UPDATE projection_generation SET building_generation = ?
                        WHERE projection = ? AND live_generation = ? AND building_generation IS NULL""")
                        .params(next, projection(), generations.live()).update();
                if (claimed == 1) {
                    empty(next);
                }
            });
            reconcile();
        }
        return status();
    }

    public Status status() {
        Generations generations = generations();
        long generation = generations.building() == null ? generations.live() : generations.building();
        long position = lowestPosition(processorName(generation));
        long head = position(eventStore.createHeadToken());
        int percent = head <= 0 ? 100 : (int) Math.min(100, Math.max(0, (position + 1) * 100 / (head + 1)));
        boolean local;
        synchronized (this) {
            local = running.containsKey(generation) && running.get(generation).processor().isRunning();
        }
        return new Status(projection(), local, generations.building() != null, position, head, percent, generation);
    }

    /** The processors this node runs for the projection now, for the segment balancer. */
    public synchronized List<StreamingEventProcessor> localProcessors() {
        return running.values().stream().map(r -> (StreamingEventProcessor) r.processor()).toList();
    }

    static String processorName(String projection, long generation) {
        return generation == 0 ? projection : projection + "-" + generation;
    }

    private String processorName(long generation) {
        return processorName(projection(), generation);
    }

    /** Runs the generations the row names, stops the others, and switches a rebuild that has caught up. */
    synchronized void reconcile() {
        Generations generations = generations();
        Set<Long> named = generations.named();
        for (Long generation : new ArrayList<>(running.keySet())) {
            if (!named.contains(generation)) {
                stop(generation);
            }
        }
        for (Long generation : named) {
            if (!running.containsKey(generation)) {
                running.put(generation, launch(generation, generation.equals(generations.building())));
            }
        }
        if (generations.building() != null && caughtUp(generations.building())) {
            switchTo(generations);
        }
    }

    private void switchTo(Generations generations) {
        long retired = generations.live();
        boolean switched = transactionManager.fetchInTransaction(() -> {
            int flipped = jdbc.sql("""
                    UPDATE projection_generation SET live_generation = building_generation, building_generation = NULL,
                           switched_at = ?
                    WHERE projection = ? AND live_generation = ? AND building_generation = ?""")
                    .params(OffsetDateTime.now(ZoneOffset.UTC), projection(), retired, generations.building()).update();
            return flipped == 1;
        });
        if (!switched) {
            return;
        }
        log.info("Projection {}: generation {} caught up with the store and is live; generation {} retired",
                projection(), generations.building(), retired);
        stop(retired);
        transactionManager.executeInTransaction(() -> {
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?").param(processorName(retired)).update();
            empty(retired);
        });
    }

    private void empty(long generation) {
        for (String table : tables.slot(generation).tables()) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    /** Every segment of the generation has handled the newest event in the store (or the store is empty). */
    private boolean caughtUp(long generation) {
        List<TrackingToken> tokens = tokens(processorName(generation));
        long head = position(eventStore.createHeadToken());
        if (tokens.isEmpty()) {
            return false;
        }
        return tokens.stream().allMatch(token -> position(token) >= head);
    }

    private long lowestPosition(String processorName) {
        return tokens(processorName).stream().mapToLong(ProjectionReplay::position).min().orElse(-1L);
    }

    /**
     * The generation's tokens as stored, whichever node holds them: read, not claimed, so the progress of a rebuild
     * is the same seen from any node.
     */
    private List<TrackingToken> tokens(String processorName) {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment")
                .param(processorName)
                .query((rs, row) -> {
                    byte[] bytes = rs.getBytes(1);
                    String type = rs.getString(2);
                    if (bytes == null || type == null) {
                        return (TrackingToken) null;
                    }
                    return (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(bytes, byte[].class, new SimpleSerializedType(type, null)));
                })
                .list();
    }

    private Running launch(long generation, boolean rebuild) {
        String name = processorName(generation);
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(settings.threads(), new AxonThreadFactory("WorkPackage[" + name + "]"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handlers.apply(tables.slot(generation)))
                        .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                        // A failing event stops the segment there to be retried, never logged and skipped.
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(settings.segments())
                .initialToken(StreamableMessageSource::createTailToken)
                .tokenClaimInterval(settings.tokenClaimInterval().toMillis())
                .batchSize(settings.batchSize())
                .messageMonitor(axon.messageMonitor(PooledStreamingEventProcessor.class, name))
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            fence(unitOfWork, generation);
            if (rebuild && rebuildHook != null) {
                rebuildHook.accept(unitOfWork.getMessage());
            }
            return chain.proceed();
        });
        processor.start();
        log.info("Projection {}: running generation {} ({}) on this node", projection(), generation, rebuild ? "rebuilding" : "live");
        return new Running(processor, List.of(coordinator, workers));
    }

    /**
     * Refuses a batch of a generation the row no longer names; checked once per batch, in its transaction, before
     * the batch writes anything.
     */
    private void fence(UnitOfWork<? extends EventMessage<?>> unitOfWork, long generation) {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch.resources().putIfAbsent("bindeled.generation-checked", Boolean.TRUE) != null) {
            return;
        }
        if (!generations().named().contains(generation)) {
            throw new IllegalStateException("Generation " + generation + " of projection " + projection() + " is retired");
        }
    }

    private void stop(long generation) {
        Running stopping = running.remove(generation);
        if (stopping == null) {
            return;
        }
        try {
            // Bounded: releasing the claims needs the database, which may already be gone when the service stops.
            stopping.processor().shutdownAsync().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Projection {}: generation {} did not stop cleanly", projection(), generation, e);
        }
        stopping.executors().forEach(ExecutorService::shutdownNow);
    }

    private Generations generations() {
        return jdbc.sql("SELECT live_generation, building_generation FROM projection_generation WHERE projection = ?")
                .param(projection())
                .query((rs, row) -> {
                    long live = rs.getLong(1);
                    long building = rs.getLong(2);
                    return new Generations(live, rs.wasNull() ? null : building);
                })
                .optional()
                .orElseThrow(() -> new IllegalStateException("No row for projection " + projection()
                        + " in projection_generation: its migration inserts it"));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1L;
        }
        OptionalLong position = token.position();
        return position.orElse(-1L);
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-" + projection());
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                reconcile();
            } catch (RuntimeException e) {
                log.warn("Projection {}: could not reconcile its processors; again in {}", projection(), settings.pollInterval(), e);
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = poller;
            poller = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            new ArrayList<>(running.keySet()).forEach(this::stop);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Starts after and stops before the rest of Axon, whose event store and token store it uses. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
