package dk.bindeled.dashboard.web;

import dk.bindeled.dashboard.query.CollaborationMapping;
import dk.bindeled.dashboard.query.CollaborationMappingQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mapping of the collaboration over a range of months ({@code from} and {@code to}, e.g. 2026-07 and 2026-12, both
 * included, at most {@value CollaborationMappingQueries#MAX_MONTHS} months; default: the twelve months up to this one), read
 * in one go for charts. 400 names the parameter. For signed-in callers: collaborations are, in the logbook.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Mapping of the collaboration", description = "Collaborations by form and sector, meetings held, decisions, action items and the partner network, from bindeled.logbook.v1 and bindeled.referral.v1")
public class MappingController {

    static final int DEFAULT_MONTHS = 12;

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final CollaborationMappingQueries mapping;
    private final Clock clock;

    public MappingController(CollaborationMappingQueries mapping, Clock clock) {
        this.mapping = mapping;
        this.clock = clock;
    }

    @GetMapping(path = "/mapping", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The mapping of the collaboration, month by month",
            description = "Per month (in the dashboard's time zone): collaborations at its end by form and by the sectors of their partners,"
                    + " collaborations started, meetings scheduled and held (attendance recorded with someone there), held meetings by type;"
                    + " decisions recorded in the range by type; action items open, overdue, completed and cancelled now; and the network"
                    + " of partners linked by shared collaborations, shared held meetings and referrals in the range (a REFERRAL edge"
                    + " points from a to b). No booking links: a booking names one partner. Organisations, categories and counts only.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The mapping"),
                    @ApiResponse(responseCode = "400", description = "A month that is not one, from after to, or more than 36 months; `parameter` names it",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "401", description = "Not signed in",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))})
    public CollaborationMapping mapping(
            @Parameter(description = "The first month, YYYY-MM (default: eleven months before `to`)", example = "2026-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "The last month, YYYY-MM, included (default: this month)", example = "2026-12")
            @RequestParam(required = false) String to) {
        YearMonth last = to == null ? YearMonth.now(clock) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1) : month("from", from);
        if (first.isAfter(last)) {
            throw new BadParameterException("from", "the month " + first + " is after 'to' (" + last + ")");
        }
        try {
            return mapping.mapping(first, last, clock.getZone());
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("to", e.getMessage());
        }
    }

    private static YearMonth month(String parameter, String text) {
        String value = text.strip();
        if (!MONTH.matcher(value).matches()) {
            throw new BadParameterException(parameter, "expected a month such as 2026-12, was '" + text + "'");
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.getYear() < 1000) {
                throw new BadParameterException(parameter, "the year must have four digits, was '" + text + "'");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new BadParameterException(parameter, "expected a month such as 2026-12, was '" + text + "'");
        }
    }
}
