package dk.bindeled.axon;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's transaction manager, with the guarantee that a transaction begun in a unit of work ends with it.
 * <p>
 * Axon commits a command's transaction when the unit of work commits and rolls it back when it rolls back, but an
 * {@link Error} thrown while the unit of work prepares its commit (appending the events: a driver's assertion, a
 * stack overflow in a serializer, a class that fails to load) skips the rollback phase and goes straight to cleanup.
 * The transaction then neither commits nor rolls back: its connection and entity manager stay bound to the request
 * thread, and every later request served by that thread fails on that dead transaction. Here a transaction still
 * open at cleanup is rolled back, so the failure stays the one command's answer.
 */
public class UnitOfWorkBoundTransactions implements TransactionManager {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkBoundTransactions.class);

    private final TransactionManager delegate;

    public UnitOfWorkBoundTransactions(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        AtomicBoolean ended = new AtomicBoolean();
        Transaction bound = new Transaction() {
            @Override
            public void commit() {
                ended.set(true);
                transaction.commit();
            }

            @Override
            public void rollback() {
                ended.set(true);
                transaction.rollback();
            }
        };
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onCleanup(u -> {
            if (!ended.get()) {
                log.warn("Rolling back the transaction of {}: its unit of work ended without commit or rollback",
                        u.getMessage().getPayloadType().getSimpleName());
                bound.rollback();
            }
        }));
        return bound;
    }
}
