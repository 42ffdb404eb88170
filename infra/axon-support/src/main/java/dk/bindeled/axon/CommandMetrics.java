package dk.bindeled.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Counts every command the bus handles, by command and outcome: {@code handled}, or {@code rejected}
 * with the kind of rule that refused it. The interceptor is registered here, once; it is deliberately not
 * a bean of its own, because Axon's Spring support also registers every interceptor bean it finds, and the
 * commands were then counted twice.
 */
public class CommandMetrics implements SmartInitializingSingleton {

    private final CommandBus commandBus;
    private final MeterRegistry meters;

    public CommandMetrics(CommandBus commandBus, MeterRegistry meters) {
        this.commandBus = commandBus;
        this.meters = meters;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor(this::count);
    }

    private Object count(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        try {
            Object result = chain.proceed();
            meters.counter("bindeled.commands", "command", command, "outcome", "handled", "reason", "none").increment();
            return result;
        } catch (Exception e) {
            meters.counter("bindeled.commands", "command", command, "outcome", "rejected", "reason", e.getClass().getSimpleName()).increment();
            throw e;
        }
    }
}
