package dk.bindeled.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon deadlines kept in the service's own database ({@code scheduled_tasks}, a {@code db/platform} migration) by
 * db-scheduler: a deadline scheduled by a command is a row written in the command's transaction (the data source is
 * Spring's transaction-aware proxy), so it exists exactly when the events that asked for it do. Every instance polls
 * the table; the one whose conditional update picks a due row runs it, so each deadline fires on one instance, also
 * after a restart. A run that dies half-way is run again once its heartbeat has stopped, so deadline handlers must
 * ignore a deadline that no longer applies. The scheduler is started with the Spring context and stopped before it
 * closes, not by Axon's lifecycle, so it never polls while the aggregates' repositories are not there.
 */
public final class PersistedDeadlines implements SmartLifecycle {

    private final Scheduler scheduler;
    private final DbSchedulerDeadlineManager deadlineManager;
    private volatile boolean running;

    PersistedDeadlines(DataSource dataSource, org.axonframework.config.Configuration axon, Serializer serializer,
                       TransactionManager transactionManager, AxonNode node, Duration pollInterval, int threads) {
        AtomicReference<DbSchedulerDeadlineManager> manager = new AtomicReference<>();
        this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource),
                        List.of(DbSchedulerDeadlineManager.binaryTask(manager::get)))
                .pollingInterval(pollInterval)
                .threads(threads)
                .schedulerName(new SchedulerName.Fixed(node.id()))
                .build();
        this.deadlineManager = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // The deadline's own metadata (its actor) is copied onto the events its handler applies, as for a command.
        deadlineManager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        manager.set(deadlineManager);
    }

    public DbSchedulerDeadlineManager deadlineManager() {
        return deadlineManager;
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late: after Axon's processors and repositories are up, and stopped before they are. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
