package dk.bindeled.referrals.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.bindeled.referrals.api.Commands.ForgetResident;
import dk.bindeled.referrals.api.Commands.RegisterResident;
import dk.bindeled.referrals.api.Events.ErasureRefused;
import dk.bindeled.referrals.api.Events.ResidentForgotten;
import dk.bindeled.referrals.api.Events.ResidentRegistered;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A resident under a pseudonymous id. Its personal data is sealed per data controller; forgetting it for one controller
 * deletes that controller's key in the same transaction as the event, so the history stays and can no longer be read.
 * A controller with a duty to keep its case records may refuse instead, and the refusal with its legal basis is kept.
 */
@Aggregate
public class Resident {

    @AggregateIdentifier
    private String residentId;
    private Set<String> forgottenBy = new HashSet<>();

    protected Resident() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Resident(RegisterResident command) {
        if (command.controller() == null || command.controller().isBlank()) {
            throw new InvalidInputException("controller", "is required");
        }
        if (command.data() == null || !command.data().controller().equals(command.controller())) {
            throw new InvalidInputException("data", "must be sealed for the registering controller");
        }
        apply(new ResidentRegistered(command.residentId(), command.controller(), command.data()));
    }

    @CommandHandler
    public void handle(ForgetResident command, PersonalDataVault vault) {
        if (command.controller() == null || command.controller().isBlank()) {
            throw new InvalidInputException("controller", "is required: an erasure request names the data controller");
        }
        if (forgottenBy.contains(command.controller())) {
            throw new RuleViolationException("already-forgotten", "The resident is forgotten for " + command.controller() + " already");
        }
        if (command.refused()) {
            if (command.legalBasis() == null || command.legalBasis().isBlank()) {
                throw new InvalidInputException("legalBasis", "is required to refuse erasure, e.g. \"journaliseringspligt, forvaltningsloven § 15\"");
            }
            apply(new ErasureRefused(residentId, command.controller(), command.legalBasis().strip()));
            return;
        }
        vault.forget(residentId, command.controller());
        apply(new ResidentForgotten(residentId, command.controller()));
    }

    @EventSourcingHandler
    void on(ResidentRegistered event) {
        residentId = event.residentId();
    }

    @EventSourcingHandler
    void on(ResidentForgotten event) {
        forgottenBy.add(event.controller());
    }
}
