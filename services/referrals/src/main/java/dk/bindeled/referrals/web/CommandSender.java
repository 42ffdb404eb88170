package dk.bindeled.referrals.web;

import dk.bindeled.command.RetryingCommandSender;
import dk.bindeled.referrals.domain.NotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Referrals' reading of a command's failures: an unknown referral or resident is 404. Sending, the actor and the retries
 * of lost races are shared ({@link RetryingCommandSender}).
 */
@Component
public class CommandSender {

    private final RetryingCommandSender commands;

    public CommandSender(RetryingCommandSender commands) {
        this.commands = commands;
    }

    public void send(Object command, String what) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("No " + what);
        }
    }
}
