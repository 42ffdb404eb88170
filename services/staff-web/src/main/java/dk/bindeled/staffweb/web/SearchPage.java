package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Find et ledigt lokale": the rooms free in a house at a time for so many people, or the nearest alternatives. */
@Controller
class SearchPage {

    private final RoomBooking rooms;
    private final Clock clock;

    SearchPage(RoomBooking rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @GetMapping("/ledige")
    String search(@RequestParam(name = "hus", required = false) String centreId,
                  @RequestParam(name = "dato", required = false) LocalDate date,
                  @RequestParam(name = "fra", required = false) LocalTime from,
                  @RequestParam(name = "til", required = false) LocalTime to,
                  @RequestParam(name = "deltagere", required = false) Integer attendees, Model model) {
        List<Map<String, Object>> centres = rooms.centres();
        model.addAttribute("centres", centres);
        model.addAttribute("centreId", centreId);
        model.addAttribute("date", date != null ? date : LocalDate.now(clock.withZone(DanishText.COPENHAGEN)));
        model.addAttribute("from", from != null ? from : LocalTime.of(13, 0));
        model.addAttribute("to", to != null ? to : LocalTime.of(15, 0));
        model.addAttribute("attendees", attendees);
        if (centreId != null && !centreId.isBlank() && date != null && from != null && to != null) {
            try {
                model.addAttribute("result", rooms.freeSlots(centreId, date, from, to, attendees, List.of()));
            } catch (ServiceRefusal refusal) {
                if (refusal.status() != 400) {
                    throw refusal;
                }
                model.addAttribute("problem", BookingPages.problemText(refusal));
            }
        }
        return "search";
    }
}
