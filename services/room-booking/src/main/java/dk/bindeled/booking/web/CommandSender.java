package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingLocator;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.RuleViolationException;
import dk.bindeled.command.RetryingCommandSender;
import java.util.Locale;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Room booking's reading of a command's failures: an unknown schedule or centre is 400 when the body named it
 * and 404 when the path did, and an id that exists already is a broken rule. Sending, the actor and the retries
 * of lost races and deadlocks are shared ({@link RetryingCommandSender}): the loser of a race for one slot gets
 * the real answer, a 409 naming the booking that won.
 */
@Component
public class CommandSender {

    private final RetryingCommandSender commands;
    private final BookingLocator locator;

    public CommandSender(RetryingCommandSender commands, BookingLocator locator) {
        this.commands = commands;
        this.locator = locator;
    }

    /** Sends a command to an aggregate the caller named in the body: an unknown id is bad input (400). */
    public <R> R sendNamed(Object command, String field, String id) {
        try {
            return send(command);
        } catch (AggregateNotFoundException e) {
            throw new InvalidInputException(field, "names no " + field.replace("Id", "") + ": " + id);
        }
    }

    /** Sends a command to an aggregate named in the path: an unknown id is 404. */
    public <R> R sendTo(Object command, String what, String id) {
        try {
            return send(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("No " + what + " " + id);
        }
    }

    /** The resource whose schedule holds this booking, series or waitlist entry. */
    public String resourceOf(String id, BookingLocator.Kind kind) {
        return locate(id, kind).resourceId();
    }

    /** Where a booking, series or waitlist entry is and whose it is, as the command side recorded it; 404 when unknown. */
    public BookingLocator.Location locate(String id, BookingLocator.Kind kind) {
        return locator.find(id).filter(l -> l.kind() == kind)
                .orElseThrow(() -> new NotFoundException("No " + kind.name().toLowerCase(Locale.ROOT) + " " + id));
    }

    private <R> R send(Object command) {
        try {
            return commands.send(command);
        } catch (AggregateStreamCreationException e) {
            throw new RuleViolationException("already-exists", "Something with this id already exists");
        }
    }
}
