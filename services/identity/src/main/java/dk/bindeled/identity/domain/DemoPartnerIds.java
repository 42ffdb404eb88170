package dk.bindeled.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The partner id of a demo organisation, derived from its key in the local stack's {@code demo-data.json}.
 *
 * <p>The identity provider puts this id in the {@code org} claim and the local stack registers the demo partner
 * under the same id, so a demo user's token names a partner that exists: a name-based (version 3) UUID of
 * {@code "bindeled-demo-partner:" + key} in UTF-8. Both sides call this one method; changing it changes every demo
 * organisation's id.
 */
public final class DemoPartnerIds {

    static final String NAMESPACE = "bindeled-demo-partner:";

    private DemoPartnerIds() {
    }

    public static UUID of(String partnerKey) {
        if (partnerKey == null || partnerKey.isBlank()) {
            throw new IllegalArgumentException("a demo partner key is required");
        }
        return UUID.nameUUIDFromBytes((NAMESPACE + partnerKey).getBytes(StandardCharsets.UTF_8));
    }
}
