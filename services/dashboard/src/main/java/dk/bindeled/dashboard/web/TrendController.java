package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.CentreQueries;
import dk.bindeled.dashboard.query.DashboardQueries;
import dk.bindeled.dashboard.query.OffersByWeek;
import dk.bindeled.dashboard.query.RoomUseByWeek;
import dk.bindeled.events.IsoWeek;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures over a range of ISO weeks ({@code from} and {@code to}, e.g. 2026-W43 and 2026-W48, both included, at most
 * 26 weeks; default: the six weeks up to this one), each read in one go for charts. 400 names the parameter.
 */
@RestController
@RequestMapping("/api")
public class TrendController {

    static final int DEFAULT_WEEKS = 6;

    private final CentreQueries centres;
    private final DashboardQueries overview;
    private final dk.bindeled.dashboard.query.ReferralFlowQueries referrals;
    private final Clock clock;

    public TrendController(CentreQueries centres, DashboardQueries overview, dk.bindeled.dashboard.query.ReferralFlowQueries referrals, Clock clock) {
        this.centres = centres;
        this.overview = overview;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Every centre's rooms week by week: booked hours against open hours. */
    @GetMapping(path = "/utilisation", produces = MediaType.APPLICATION_JSON_VALUE)
    public RoomUseByWeek utilisation(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(from, to);
        try {
            return centres.roomUseByWeek(range.from, range.to);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("to", e.getMessage());
        }
    }

    /** Live offers at the end of each week by target group and by sector. */
    @GetMapping(path = "/offers/by-week", produces = MediaType.APPLICATION_JSON_VALUE)
    public OffersByWeek offersByWeek(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(from, to);
        try {
            return overview.offersByWeek(range.from, range.to, clock.getZone());
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("to", e.getMessage());
        }
    }

    /** Referrals between partners: per target group and receiving partner, counts and the median time to first contact. */
    @GetMapping(path = "/referrals/flow", produces = MediaType.APPLICATION_JSON_VALUE)
    public dk.bindeled.dashboard.query.ReferralFlow referralFlow() {
        return referrals.flow();
    }

    private Range range(String from, String to) {
        IsoWeek last = to == null ? IsoWeek.of(LocalDate.now(clock)) : week("to", to);
        IsoWeek first = from == null ? IsoWeek.of(last.monday().minusWeeks(DEFAULT_WEEKS - 1)) : week("from", from);
        if (first.monday().isAfter(last.monday())) {
            throw new BadParameterException("from", "the week " + first + " is after 'to' (" + last + ")");
        }
        return new Range(first, last);
    }

    private static IsoWeek week(String parameter, String text) {
        try {
            return IsoWeek.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, e.getMessage());
        }
    }

    private record Range(IsoWeek from, IsoWeek to) {
    }
}
