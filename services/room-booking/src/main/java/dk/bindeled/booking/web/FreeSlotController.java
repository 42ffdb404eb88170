package dk.bindeled.booking.web;

import dk.bindeled.booking.query.FreeSlotSearch;
import dk.bindeled.booking.query.Views.FreeSlots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendars: queries")
public class FreeSlotController {

    private final FreeSlotSearch search;

    public FreeSlotController(FreeSlotSearch search) {
        this.search = search;
    }

    @GetMapping("/api/centres/{centreId}/free-slots")
    @Operation(summary = "Free resources of a centre for a time, seats and features; the nearest other slots when none is",
            description = "e.g. ?date=2026-11-26&from=14:00&to=16:00&attendees=12&features=kitchen,projector. A resource is free when it"
                    + " has the seats and every feature (case-insensitive), the centre is open, and no confirmed, requested or offered"
                    + " booking lies within its cleaning buffer of the slot. When none is, up to 5 slots of the same length on a"
                    + " half-hour grid: the same day first, then the next 7 days, nearest first.")
    public FreeSlots freeSlots(@PathVariable String centreId, @RequestParam(required = false) String date,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String attendees, @RequestParam(required = false) String features) {
        return search.search(centreId, QueryParams.date(date, "date"), QueryParams.time(from, "from"), QueryParams.time(to, "to"),
                QueryParams.positive(attendees, "attendees"), QueryParams.list(features));
    }
}
