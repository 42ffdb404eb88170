package dk.bindeled.dashboard.query;

import java.util.List;
import java.util.Map;

/**
 * Referrals between partners in figures, without personal data: per target group and per receiving partner.
 *
 * @param byTargetGroup one row per target group that has been referred to (NONE: none named)
 * @param byRecipient   one row per receiving partner
 */
public record ReferralFlow(Row total, List<Row> byTargetGroup, List<Row> byRecipient) {

    /**
     * @param key                      the target group's code or the partner's id
     * @param label                    in Danish, or the partner's name
     * @param sent                     referrals sent
     * @param accepted                 accepted (and whatever came after: contact, completion)
     * @param declined                 declined in all
     * @param declinedByReason         declined, by reason code
     * @param completed                completed
     * @param overdue                  overdue now
     * @param medianHoursToFirstContact from sent to the first contact made, the median; null when none yet
     */
    public record Row(String key, String label, long sent, long accepted, long declined, Map<String, Long> declinedByReason, long completed,
                      long overdue, Double medianHoursToFirstContact) {
    }
}
