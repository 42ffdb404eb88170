package dk.bindeled.partner.query.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids for the HSDS objects that have no id of their own in the directory (a partner's phone, a centre as a
 * location, a taxonomy term, …). HSDS wants a UUID for each, and readers that sync the export need it to be the
 * same on every call and after every restart or replay, so it is a name-based UUID of what the object is.
 */
final class HsdsIds {

    private static final String NAMESPACE = "https://bindeled.dk/hsds/";

    private HsdsIds() {
    }

    /** The UUID of {@code kind/part/part…}, e.g. {@code of("location", "centre", "motalavej")}. */
    static String of(String kind, String... parts) {
        String name = NAMESPACE + kind + "/" + String.join("/", parts);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
