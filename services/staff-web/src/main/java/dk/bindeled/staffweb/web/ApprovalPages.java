package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.domain.StaffUser;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The requests waiting for a house's manager, single bookings and whole series, to approve or reject with a reason. */
@Controller
class ApprovalPages {

    private final RoomBooking rooms;

    ApprovalPages(RoomBooking rooms) {
        this.rooms = rooms;
    }

    @GetMapping("/godkendelser")
    String approvals(@ModelAttribute("me") StaffUser me, Model model) {
        if (!me.staff()) {
            throw new ServiceRefusal(403, Map.of());
        }
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (String centre : me.centres()) {
            approvals.addAll(rooms.approvals(centre));
        }
        model.addAttribute("approvals", approvals);
        model.addAttribute("rejectionReasons", DanishText.rejectionReasons());
        return "approvals";
    }

    /** {@code kind} is {@code booking} or {@code serie}. */
    @PostMapping("/godkendelser/{kind}/{id}/godkend")
    String approve(@PathVariable String kind, @PathVariable String id, RedirectAttributes redirect) {
        return decide(kind, id, "approve", Map.of(), "Godkendt. Aktøren kan se det med det samme.", redirect);
    }

    @PostMapping("/godkendelser/{kind}/{id}/afvis")
    String reject(@PathVariable String kind, @PathVariable String id, @RequestParam String reasonCategory,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return decide(kind, id, "reject", BookingPages.reasonBody(reasonCategory, note), "Afvist, og tiden er ledig igen.", redirect);
    }

    private String decide(String kind, String id, String action, Map<String, Object> body, String done, RedirectAttributes redirect) {
        try {
            if ("serie".equals(kind)) {
                rooms.seriesAction(id, action, body);
            } else {
                rooms.bookingAction(id, action, body);
            }
            redirect.addFlashAttribute("notice", done);
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 403 || refusal.status() == 404) {
                throw refusal;
            }
            redirect.addFlashAttribute("problem", BookingPages.problemText(refusal));
        }
        return "redirect:/godkendelser";
    }
}
