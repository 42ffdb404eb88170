package dk.bindeled.referrals.api;

/**
 * Personal data as it is stored and sent around: AES-GCM ciphertext (base64) under the key of one resident and one data
 * controller. Events, snapshots and projections only ever hold this; forgetting the resident for the controller deletes
 * the key, and every copy becomes unreadable at once.
 *
 * @param controller the organisation (partner id) whose key sealed it
 * @param ciphertext the sealed bytes, base64
 */
public record Sealed(String controller, String ciphertext) {

    public Sealed {
        if (controller == null || controller.isBlank() || ciphertext == null || ciphertext.isBlank()) {
            throw new IllegalArgumentException("sealed data needs its controller and ciphertext");
        }
    }

    /** Never the ciphertext itself in a log line. */
    @Override
    public String toString() {
        return "Sealed[" + controller + "]";
    }
}
