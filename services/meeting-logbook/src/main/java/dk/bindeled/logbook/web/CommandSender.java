package dk.bindeled.logbook.web;

import dk.bindeled.command.RetryingCommandSender;
import dk.bindeled.domain.NotFoundException;
import dk.bindeled.security.Callers;
import dk.bindeled.security.MissingRightException;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** The logbook's reading of a command's failures (an unknown collaboration or meeting is 404); sending is command-support's. */
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

    /** The caller's organisation: collaborations are between organisations, so a caller without one is refused (403). */
    static String organisation() {
        return Callers.current().org().map(UUID::toString).orElseThrow(() -> new MissingRightException("organisation",
                "The logbook records organisations' collaboration; the token names none (claim org)."));
    }
}
