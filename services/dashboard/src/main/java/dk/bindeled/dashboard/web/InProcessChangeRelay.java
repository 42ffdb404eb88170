package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.CentreScheduleChanged;
import dk.bindeled.dashboard.query.ChangeApplied;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed changes to this instance's stream, after commit, so nobody sees a change that was rolled
 * back. Only right where this instance is the only one: on H2 (the local run), whose file a second instance
 * cannot open. With PostgreSQL, {@link PostgresChangeRelay} reaches every instance instead.
 */
public class InProcessChangeRelay {

    private final ChangeStream stream;

    public InProcessChangeRelay(ChangeStream stream) {
        this.stream = stream;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onChangeApplied(ChangeApplied applied) {
        stream.push(applied.change());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void onScheduleChanged(CentreScheduleChanged changed) {
        stream.push(changed);
    }
}
