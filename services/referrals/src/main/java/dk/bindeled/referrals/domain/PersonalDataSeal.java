package dk.bindeled.referrals.domain;

import dk.bindeled.events.EventJson;
import dk.bindeled.referrals.api.PersonalData;
import dk.bindeled.referrals.api.Sealed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A resident's data and notes to and from their sealed form: JSON, then the vault. The one way the web layer seals what
 * a user typed and the queries open what may be shown.
 */
public final class PersonalDataSeal {

    private final PersonalDataVault vault;

    public PersonalDataSeal(PersonalDataVault vault) {
        this.vault = vault;
    }

    public Sealed seal(String residentId, String controller, PersonalData data) {
        try {
            return vault.seal(residentId, controller, EventJson.mapper().writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty once the controller has forgotten the resident. */
    public Optional<PersonalData> open(String residentId, Sealed sealed) {
        return vault.open(residentId, sealed).map(bytes -> {
            try {
                return EventJson.mapper().readValue(bytes, PersonalData.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A note is personal data too; null and blank notes are no note. */
    public Sealed sealNote(String residentId, String controller, String note) {
        return note == null || note.isBlank() ? null : vault.seal(residentId, controller, note.strip().getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> openNote(String residentId, Sealed sealed) {
        return vault.open(residentId, sealed).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public boolean holds(String residentId, String controller) {
        return vault.holds(residentId, controller);
    }
}
