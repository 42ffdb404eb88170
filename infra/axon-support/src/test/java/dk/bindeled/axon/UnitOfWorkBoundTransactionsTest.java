package dk.bindeled.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.interceptors.TransactionManagingInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command whose commit fails with an {@link Error} (here the kind of assertion PostgreSQL's driver makes when its
 * connection died under a batch insert) must not leave its transaction bound to the thread: Axon skips the rollback
 * phase on an Error, and without this the next command on the same thread runs in the dead transaction.
 */
class UnitOfWorkBoundTransactionsTest {

    JdbcClient jdbc;
    CommandGateway commands;
    final AtomicBoolean failTheCommit = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:uow-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE note (text VARCHAR(40))").update();

        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new TransactionManagingInterceptor<>(
                new UnitOfWorkBoundTransactions(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))));
        bus.subscribe(String.class.getName(), command -> {
            jdbc.sql("INSERT INTO note (text) VALUES (?)").param(command.getPayload()).update();
            if (failTheCommit.getAndSet(false)) {
                CurrentUnitOfWork.get().onPrepareCommit(u -> {
                    throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
                });
            }
            return command.getPayload();
        });
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void nothingLeftOnTheThread() {
        TransactionSynchronizationManager.clear();
        TransactionSynchronizationManager.getResourceMap().keySet().forEach(TransactionSynchronizationManager::unbindResource);
    }

    @Test
    void anErrorInTheCommitRollsTheTransactionBackAndTheNextCommandOnTheThreadCommits() {
        failTheCommit.set(true);
        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage("lost")))
                .isInstanceOf(AssertionError.class);

        assertThat(TransactionSynchronizationManager.getResourceMap()).as("resources bound to the thread").isEmpty();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note WHERE text = 'lost'").query(Long.class).single()).isZero();

        String kept = commands.sendAndWait(GenericCommandMessage.asCommandMessage("kept"));
        assertThat(kept).isEqualTo("kept");
        assertThat(jdbc.sql("SELECT text FROM note").query(String.class).list()).containsExactly("kept");
    }

    @Test
    void aCommandThatCommitsOrFailsWithAnExceptionEndsItsTransactionOnce() {
        assertThat((String) commands.sendAndWait(GenericCommandMessage.asCommandMessage("one"))).isEqualTo("one");
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM note").query(Long.class).single()).isEqualTo(1);
    }
}
