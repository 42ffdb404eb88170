package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.CentreNotFoundException;
import dk.bindeled.dashboard.query.CentreQueries;
import dk.bindeled.dashboard.query.CentreScheduleChanged;
import dk.bindeled.dashboard.query.CentreToday;
import dk.bindeled.dashboard.query.Change;
import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.Overview;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes applied changes to every subscriber: the overview's subscribers of {@code /api/stream} get every
 * change with the overview after it; the info screens of a centre ({@code /api/centres/{id}/stream}) get
 * the centre's {@link CentreToday} again whenever a change touching today's schedule of that centre commits.
 *
 * <p>Changes arrive through {@link #push(Change)} and {@link #push(CentreScheduleChanged)} only once they have
 * committed, from whichever instance applied them (see {@code PostgresChangeRelay}; on H2, where there is only
 * one instance, {@code InProcessChangeRelay}).
 *
 * <p>All sending happens on one thread, off the Kafka consumer thread, so a slow browser never holds up
 * the projection. That thread drains whatever is pending and reads the overview once per drain, and each
 * centre's day at most once per drain (after the changes committed), so a burst of events costs one query
 * per audience, and what a client sees last is always the newest. Subscribers whose connection fails are dropped.
 *
 * <p>Open streams never end by themselves, so on shutdown they are closed before the web server's graceful
 * shutdown starts waiting for active requests (this lifecycle stops in an earlier phase); browsers reconnect
 * to another instance.
 */
@Component
public class ChangeStream implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    /** Who a subscriber is: the overview page, or the info screen of one centre. */
    private record Audience(String centreId) {
        static final Audience OVERVIEW = new Audience(null);

        boolean overview() {
            return centreId == null;
        }
    }

    private record Joining(SseEmitter emitter, Audience audience) {
    }

    private final DashboardQueries queries;
    private final CentreQueries centres;
    private final Duration timeout;
    private final Map<SseEmitter, Audience> subscribers = new ConcurrentHashMap<>();
    private final Queue<Joining> joining = new ConcurrentLinkedQueue<>();
    private final Queue<Change> pending = new ConcurrentLinkedQueue<>();
    private final Queue<CentreScheduleChanged> pendingSchedules = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean resyncRequested;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dashboard-sse");
        thread.setDaemon(true);
        return thread;
    });

    public ChangeStream(DashboardQueries queries, CentreQueries centres, MeterRegistry registry,
                        @Value("${bindeled.dashboard.stream.timeout:30m}") Duration timeout) {
        this.queries = queries;
        this.centres = centres;
        this.timeout = timeout;
        Gauge.builder("bindeled.dashboard.stream.subscribers", subscribers, Map::size)
                .description("Open Server-Sent Events connections")
                .register(registry);
    }

    /** A new subscription; its first event is the current overview. EventSource reconnects after the timeout. */
    public SseEmitter subscribe() {
        return subscribe(Audience.OVERVIEW);
    }

    /**
     * A new subscription of a centre's info screen; its first event is the centre's {@code today}, and so is
     * every later one. The caller has made sure the centre exists.
     */
    public SseEmitter subscribeScreen(String centreId) {
        return subscribe(new Audience(Objects.requireNonNull(centreId, "centreId")));
    }

    private SseEmitter subscribe(Audience audience) {
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
        joining.add(new Joining(emitter, audience));
        schedule();
        return emitter;
    }

    /** A change that has committed (on any instance): to every overview subscriber of this instance. */
    public void push(Change change) {
        pending.add(change);
        schedule();
    }

    /** A committed change of a centre's schedule (on any instance): to this instance's screens of the centre. */
    public void push(CentreScheduleChanged changed) {
        pendingSchedules.add(changed);
        schedule();
    }

    /**
     * Changes may have been missed (the relay between instances was down): every subscriber gets the current
     * state once more, the overview as an {@code overview} event, each screen its {@code today}.
     */
    public void resync() {
        resyncRequested = true;
        schedule();
    }

    /** A comment line now and then finds connections that died without a close, and keeps proxies from timing out. */
    @Scheduled(fixedDelayString = "${bindeled.dashboard.stream.heartbeat:15s}")
    public void heartbeat() {
        execute(() -> {
            for (SseEmitter emitter : subscribers.keySet()) {
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
        List<SseEmitter> open = new ArrayList<>(subscribers.keySet());
        takeAll(joining).forEach(newcomer -> open.add(newcomer.emitter()));
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
        List<Joining> newcomers = takeAll(joining);
        List<Change> changes = takeAll(pending);
        List<CentreScheduleChanged> schedules = takeAll(pendingSchedules);
        boolean resync = resyncRequested;
        resyncRequested = false;
        if (newcomers.isEmpty() && changes.isEmpty() && schedules.isEmpty() && !resync) {
            return;
        }
        if (!running) {
            newcomers.forEach(newcomer -> newcomer.emitter().complete());
            return;
        }
        if (resync) {
            // Everyone is treated as new: they get the current state, as on connect.
            subscribers.forEach((emitter, audience) -> newcomers.add(new Joining(emitter, audience)));
        }
        newcomers.forEach(newcomer -> subscribers.put(newcomer.emitter(), newcomer.audience()));
        pushOverview(newcomers.stream().filter(n -> n.audience().overview()).map(Joining::emitter).toList(), changes);
        pushScreens(newcomers.stream().filter(n -> !n.audience().overview()).toList(), schedules);
    }

    private void pushOverview(List<SseEmitter> newcomers, List<Change> changes) {
        List<SseEmitter> audience = subscribersOf(Audience.OVERVIEW);
        if (audience.isEmpty() || (newcomers.isEmpty() && changes.isEmpty())) {
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
            for (SseEmitter emitter : audience) {
                send(emitter, SseEmitter.event().name("change").id(change.id()).data(message, MediaType.APPLICATION_JSON));
            }
        }
    }

    /** Newcomers always get their centre's day; the others only when a change touched it. */
    private void pushScreens(List<Joining> newcomers, List<CentreScheduleChanged> schedules) {
        Map<String, List<CentreScheduleChanged>> changedCentres = new HashMap<>();
        for (CentreScheduleChanged changed : schedules) {
            changedCentres.computeIfAbsent(changed.centreId(), id -> new ArrayList<>()).add(changed);
        }
        Map<String, List<SseEmitter>> newcomersByCentre = new HashMap<>();
        for (Joining newcomer : newcomers) {
            newcomersByCentre.computeIfAbsent(newcomer.audience().centreId(), id -> new ArrayList<>()).add(newcomer.emitter());
        }
        Set<String> centreIds = new HashSet<>(newcomersByCentre.keySet());
        centreIds.addAll(changedCentres.keySet());
        for (String centreId : centreIds) {
            List<SseEmitter> audience = subscribersOf(new Audience(centreId));
            if (audience.isEmpty()) {
                continue;
            }
            CentreToday today;
            try {
                today = centres.today(centreId);
            } catch (CentreNotFoundException gone) {
                continue;
            } catch (RuntimeException e) {
                LOG.warn("Could not read today's schedule of centre {} to push it: {}", centreId, e.toString());
                continue;
            }
            List<SseEmitter> newOnes = newcomersByCentre.getOrDefault(centreId, List.of());
            ZoneId zone = ZoneId.of(today.timeZone());
            Instant dayStart = today.date().atStartOfDay(zone).toInstant();
            // Today and the coming days the screen lists.
            Instant shownEnd = today.date().plusDays(1 + CentreToday.COMING_DAYS).atStartOfDay(zone).toInstant();
            boolean touchesToday = changedCentres.getOrDefault(centreId, List.of()).stream().anyMatch(c -> c.touches(dayStart, shownEnd));
            for (SseEmitter emitter : touchesToday ? audience : newOnes) {
                send(emitter, SseEmitter.event().name("today").data(today, MediaType.APPLICATION_JSON));
            }
        }
    }

    private List<SseEmitter> subscribersOf(Audience audience) {
        return subscribers.entrySet().stream().filter(e -> e.getValue().equals(audience)).map(Map.Entry::getKey).toList();
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        if (!subscribers.containsKey(emitter)) {
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
