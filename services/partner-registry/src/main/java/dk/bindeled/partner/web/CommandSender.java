package dk.bindeled.partner.web;

import dk.bindeled.partner.config.AxonConfig;
import dk.bindeled.partner.domain.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for it to be handled, stamped with who sent it: the authenticated user,
 * or until the gateway authenticates every call, the {@code X-Bindeled-Actor} header.
 */
@Component
public class CommandSender {

    static final String ACTOR_HEADER = "X-Bindeled-Actor";

    private final CommandGateway commands;
    private final HttpServletRequest request;

    public CommandSender(CommandGateway commands, HttpServletRequest request) {
        this.commands = commands;
        this.request = request;
    }

    public void send(Object command, String partnerId) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(AxonConfig.ACTOR, actor())));
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("No partner " + partnerId);
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
