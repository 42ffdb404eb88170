package dk.bindeled.booking.domain;

import dk.bindeled.booking.api.Quota;
import java.util.Optional;

/** The centres' current rules and partner quotas, read inside the command's transaction. */
public interface CentreDirectory {

    Optional<CentreRules> rules(String centreId);

    /** The partner's own quota in the centre, else the centre's default; fields are null where unlimited. */
    Quota quotaOf(String centreId, String partnerId);

    /** The centre a resource belongs to, as the command side knows it (empty for an unknown resource). */
    Optional<String> centreOf(String resourceId);
}
