package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.integration.out.Referrals;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The page a status link opens, for a partner without an account (no sign-in): one referral's course, and the resident's
 * data only as far as the link and the consent allow today. The address is the credential, so the page is never cached,
 * never indexed and sends no referrer on to a link it contains.
 */
@Controller
class StatusLinkPage {

    private final Referrals referrals;

    StatusLinkPage(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/status/{token}")
    String status(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        try {
            Map<String, Object> status = referrals.statusLink(token);
            model.addAttribute("s", status);
        } catch (ServiceRefusal refusal) {
            // Unknown, expired and revoked links are one answer; the service tells them apart for no one.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("s", null);
        } catch (dk.bindeled.staffweb.integration.out.ServiceUnavailable down) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("s", null);
            model.addAttribute("unavailable", true);
        }
        return "status-link";
    }
}
