package dk.bindeled.identity.domain;

import java.util.Optional;
import java.util.UUID;

/** A user's or client's organisation: a partner of the directory, by its partner id, with its CVR number if it has one. */
public record Organisation(String key, UUID partnerId, String name, String cvr) {

    public Optional<String> cvrNumber() {
        return Optional.ofNullable(cvr);
    }
}
