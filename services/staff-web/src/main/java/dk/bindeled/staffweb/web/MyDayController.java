package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** "Min dag": what my organisation has booked today and this week, what waits for me to decide or answer. */
@Controller
class MyDayController {

    private final RoomBooking rooms;
    private final Clock clock;

    MyDayController(RoomBooking rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @GetMapping("/")
    String myDay(@ModelAttribute("me") StaffUser me, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(DanishText.COPENHAGEN));
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        model.addAttribute("today", today);
        List<Map<String, Object>> todays = new ArrayList<>();
        List<Map<String, Object>> week = new ArrayList<>();
        List<Map<String, Object>> offers = new ArrayList<>();
        if (me.org() != null) {
            for (Map<String, Object> booking : rooms.partnerBookings(me.org(), today, sunday)) {
                String status = String.valueOf(booking.get("status"));
                if ("OFFERED".equals(status)) {
                    offers.add(booking);
                } else if ("CONFIRMED".equals(status) || "REQUESTED".equals(status)) {
                    (Formats.localDate(booking.get("localStart")).equals(today) ? todays : week).add(booking);
                }
            }
        }
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (String centre : me.managedCentres()) {
            approvals.addAll(rooms.approvals(centre));
        }
        model.addAttribute("todays", todays);
        model.addAttribute("week", week);
        model.addAttribute("offers", offers);
        model.addAttribute("approvals", approvals);
        model.addAttribute("centres", rooms.centres());
        return "my-day";
    }
}
