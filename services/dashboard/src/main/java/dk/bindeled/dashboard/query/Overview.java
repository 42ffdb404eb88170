package dk.bindeled.dashboard.query;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard's figures, read from one database snapshot so they add up.
 *
 * @param activePartners            partners not deactivated
 * @param activeOffers              offers with status ACTIVE whose partner is not deactivated
 * @param offersWithFreeCapacity    active offers that report at least one available place
 * @param sharedResources           what active partners currently lend on the sharing board
 * @param bySector                  active partners per sector, every sector listed (zero included)
 * @param byCentre                  active partners per centre, most first
 * @param activeOffersByTargetGroup active offers per target group, most first; an offer counts once per target group
 * @param latestChanges             the newest changes, newest first
 * @param newestEventAt             {@code ce_time} of the newest event applied, null before the first
 */
public record Overview(long activePartners,
                       long activeOffers,
                       long offersWithFreeCapacity,
                       long sharedResources,
                       List<SectorCount> bySector,
                       List<CentreCount> byCentre,
                       List<TargetGroupCount> activeOffersByTargetGroup,
                       List<Change> latestChanges,
                       Instant newestEventAt) {

    public record SectorCount(String sector, String label, long activePartners) {
    }

    public record CentreCount(String centreId, String centreName, long activePartners) {
    }

    public record TargetGroupCount(String targetGroup, String label, long activeOffers) {
    }
}
