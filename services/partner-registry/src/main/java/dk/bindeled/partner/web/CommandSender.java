package dk.bindeled.partner.web;

import dk.bindeled.command.RetryingCommandSender;
import dk.bindeled.partner.domain.NotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The partner registry's reading of a command's failures: an unknown partner is 404. Sending, the actor and the
 * retries of lost races and deadlocks are shared ({@link RetryingCommandSender}).
 */
@Component
public class CommandSender {

    private final RetryingCommandSender commands;

    public CommandSender(RetryingCommandSender commands) {
        this.commands = commands;
    }

    public void send(Object command, String partnerId) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("No partner " + partnerId);
        }
    }
}
