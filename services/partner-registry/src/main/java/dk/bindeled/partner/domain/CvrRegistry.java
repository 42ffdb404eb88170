package dk.bindeled.partner.domain;

/**
 * Set validation across partners: no two active partners share a CVR number. Claims are written in the
 * command's own transaction, so a rejected or failed command leaves no claim behind.
 */
public interface CvrRegistry {

    /** Claims the number for the partner; throws {@link RuleViolationException} when another active partner holds it. */
    void claim(String cvr, String partnerId);

    /** Gives the number free again (deactivation or a changed CVR). */
    void release(String cvr, String partnerId);
}
