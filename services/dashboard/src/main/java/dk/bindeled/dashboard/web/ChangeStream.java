package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.Change;
import dk.bindeled.dashboard.query.ChangeApplied;
import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.Overview;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes applied changes to every subscriber of {@code /api/stream}.
 *
 * <p>All sending happens on one thread, off the Kafka consumer thread, so a slow browser never holds up
 * the projection. That thread drains whatever is pending and reads the overview once per drain (after the
 * changes committed), so a burst of events costs one query, and the overview a client sees last is always
 * the newest. Subscribers whose connection fails are dropped.
 *
 * <p>Open streams never end by themselves, so on shutdown they are closed before the web server's graceful
 * shutdown starts waiting for active requests (this lifecycle stops in an earlier phase); browsers reconnect
 * to another instance.
 */
@Component
public class ChangeStream implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    private final DashboardQueries queries;
    private final Duration timeout;
    private final Set<SseEmitter> subscribers = ConcurrentHashMap.newKeySet();
    private final Queue<SseEmitter> joining = new ConcurrentLinkedQueue<>();
    private final Queue<Change> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-sse");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeStream(DashboardQueries queries, MeterRegistry registry,
                        @Value("${bindeled.dashboard.stream.timeout:30m}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
        Gauge.builder("bindeled.dashboard.stream.subscribers", subscribers, Set::size)
                .description("Open Server-Sent Events connections")
                .register(registry);
    }

    /** A new subscription; its first event is the current overview. EventSource reconnects after the timeout. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        if (!running) {
            emitter.complete();
            return emitter;
        }
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> {
            subscribers.remove(emitter);
            emitter.complete();
        });
        emitter.onError(failure -> subscribers.remove(emitter));
        joining.add(emitter);
        schedule();
        return emitter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onChangeApplied(ChangeApplied applied) {
        pending.add(applied.change());
        schedule();
    }

    /** A comment line now and then finds connections that died without a close, and keeps proxies from timing out. */
    @Scheduled(fixedDelayString = "${bindeled.dashboard.stream.heartbeat:15s}")
    public void heartbeat() {
        execute(() -> {
            for (SseEmitter emitter : subscribers) {
                send(emitter, SseEmitter.event().comment("heartbeat"));
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List<SseEmitter> open = new ArrayList<>(subscribers);
        open.addAll(takeAll(joining));
        subscribers.clear();
        for (SseEmitter emitter : open) {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyClosed) {
                LOG.trace("Subscriber already closed", alreadyClosed);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        stop();
        sender.shutdownNow();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void schedule() {
        execute(this::drain);
    }

    private void execute(Runnable task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Stream is shutting down; dropping a push");
        }
    }

    private void drain() {
        List<SseEmitter> newcomers = takeAll(joining);
        List<Change> changes = takeAll(pending);
        if (newcomers.isEmpty() && changes.isEmpty()) {
            return;
        }
        if (!running) {
            newcomers.forEach(SseEmitter::complete);
            return;
        }
        subscribers.addAll(newcomers);
        if (subscribers.isEmpty()) {
            return;
        }
        Overview overview;
        try {
            overview = queries.overview(OverviewController.DEFAULT_CHANGES);
        } catch (RuntimeException e) {
            // The changes are in the read model; clients get them with the next push or on reconnect.
            LOG.warn("Could not read the overview to push {} change(s): {}", changes.size(), e.toString());
            return;
        }
        for (SseEmitter emitter : newcomers) {
            send(emitter, SseEmitter.event().name("overview").data(overview, MediaType.APPLICATION_JSON));
        }
        for (Change change : changes) {
            StreamMessage message = new StreamMessage(change, overview);
            for (SseEmitter emitter : subscribers) {
                send(emitter, SseEmitter.event().name("change").id(change.id()).data(message, MediaType.APPLICATION_JSON));
            }
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        if (!subscribers.contains(emitter)) {
            return;
        }
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(emitter);
            try {
                emitter.completeWithError(gone);
            } catch (RuntimeException alreadyClosed) {
                LOG.trace("Subscriber already closed", alreadyClosed);
            }
        }
    }

    private static <T> List<T> takeAll(Queue<T> queue) {
        List<T> taken = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            taken.add(item);
        }
        return taken;
    }
}
