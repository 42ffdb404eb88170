package dk.bindeled.dashboard.query;

import java.util.List;

/**
 * How many offers were live at the end of each week, by target group and by the sector of their partner. An offer is
 * live while its newest status is ACTIVE and its partner is not deactivated; target groups and sectors are the
 * offers' and partners' present ones (the partner topic tells what they are, not since when).
 *
 * @param weeks         the ISO weeks, oldest first
 * @param byTargetGroup one series per target group that has had a live offer in the range
 * @param bySector      one series per sector, every sector listed
 */
public record OffersByWeek(List<String> weeks, List<Series> byTargetGroup, List<Series> bySector) {

    /**
     * @param key    the contract's name, e.g. FAMILIES
     * @param label  in Danish
     * @param counts live offers at the end of each week, in the order of {@code weeks}
     */
    public record Series(String key, String label, List<Long> counts) {
    }
}
