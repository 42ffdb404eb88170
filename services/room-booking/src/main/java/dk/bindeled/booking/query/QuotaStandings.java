package dk.bindeled.booking.query;

import dk.bindeled.booking.api.QuotaStanding;
import dk.bindeled.booking.domain.CentreDirectory;
import dk.bindeled.booking.domain.CentreRules;
import dk.bindeled.booking.domain.NotFoundException;
import dk.bindeled.booking.domain.QuotaLedger;
import dk.bindeled.booking.domain.QuotaPolicy;
import dk.bindeled.events.IsoWeek;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * A partner's quota left in a centre and week, read from the same ledger and quota the commands are held to, so the
 * booking form shows the figure the booking will be judged by (not a projection that may lag behind).
 */
@Component
public class QuotaStandings {

    private final CentreDirectory centres;
    private final QuotaLedger ledger;
    private final Clock clock;

    public QuotaStandings(CentreDirectory centres, QuotaLedger ledger, Clock clock) {
        this.centres = centres;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** In {@code week}, or this week in the centre's zone when null; 404 for an unknown centre. */
    public QuotaStanding standing(String centreId, String partnerId, IsoWeek week) {
        CentreRules rules = centres.rules(centreId).orElseThrow(() -> new NotFoundException("No centre " + centreId));
        IsoWeek chosen = week != null ? week : IsoWeek.of(clock.instant().atZone(rules.zone()).toLocalDate());
        return QuotaPolicy.standing(centreId, partnerId, chosen.toString(), centres.quotaOf(centreId, partnerId),
                ledger.held(centreId, partnerId, chosen.toString()));
    }
}
