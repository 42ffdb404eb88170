package dk.bindeled.booking.web;

import dk.bindeled.booking.config.AxonConfig;
import dk.bindeled.booking.domain.BookingLocator;
import dk.bindeled.booking.domain.InvalidInputException;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.RuleViolationException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its outcome, stamped with who sent it: the authenticated user, or until
 * the gateway authenticates every call, the {@code X-Bindeled-Actor} header.
 * <p>
 * A command that lost a race for a schedule (another thread or service instance stored a change to the
 * same resource first) is sent again: the retry decides against the schedule as it now is, so the loser
 * of a race for one slot gets the real answer, a 409 naming the booking that won.
 */
@Component
public class CommandSender {

    static final String ACTOR_HEADER = "X-Bindeled-Actor";
    private static final int ATTEMPTS = 8;

    private final CommandGateway commands;
    private final HttpServletRequest request;
    private final BookingLocator locator;
    private final MeterRegistry meters;

    public CommandSender(CommandGateway commands, HttpServletRequest request, BookingLocator locator, MeterRegistry meters) {
        this.commands = commands;
        this.request = request;
        this.locator = locator;
        this.meters = meters;
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
        return locator.find(id).filter(l -> l.kind() == kind).map(BookingLocator.Location::resourceId)
                .orElseThrow(() -> new NotFoundException("No " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id));
    }

    private <R> R send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(AxonConfig.ACTOR, actor())));
            } catch (AggregateStreamCreationException e) {
                throw new RuleViolationException("already-exists", "Something with this id already exists");
            } catch (ConcurrencyException e) {
                meters.counter("bindeled.booking.races", "command", command.getClass().getSimpleName()).increment();
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private String actor() {
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            return principal.getName();
        }
        String header = request.getHeader(ACTOR_HEADER);
        return header == null || header.isBlank() ? "anonymous" : header.strip();
    }
}
