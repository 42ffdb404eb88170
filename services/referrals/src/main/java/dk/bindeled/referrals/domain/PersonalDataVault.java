package dk.bindeled.referrals.domain;

import dk.bindeled.referrals.api.Sealed;
import java.util.Optional;

/**
 * Seals and opens a resident's personal data with the key of one resident and one data controller (AES-GCM, the
 * resident and controller bound in as associated data, so a ciphertext cannot be passed off as another's). Forgetting
 * deletes the key: what was sealed under it can never be opened again.
 */
public interface PersonalDataVault {

    /** Seals under the key of this resident and controller, made on first use. */
    Sealed seal(String residentId, String controller, byte[] plaintext);

    /** The plain bytes, or empty once the key is gone (forgotten). */
    Optional<byte[]> open(String residentId, Sealed sealed);

    /** Deletes the key; true when there was one. */
    boolean forget(String residentId, String controller);

    /** Whether the key still exists. */
    boolean holds(String residentId, String controller);
}
