package dk.bindeled.identity.domain;

import java.util.List;
import java.util.Optional;

/**
 * Who a token speaks for: a person who signed in or a client acting for itself. The services' access rules read
 * exactly these facts, so the claims of every token are made from this and nothing else ({@link IdentityClaims}).
 */
public record Identity(String subject, String name, Organisation organisation, List<Role> roles, List<String> centres) {

    public Identity {
        roles = List.copyOf(roles);
        centres = List.copyOf(centres);
    }

    public Optional<Organisation> org() {
        return Optional.ofNullable(organisation);
    }
}
