package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import dk.bindeled.staffweb.integration.out.ServiceUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What a page says when a service refuses it outright or is away: in Danish, with the status the service gave, and
 * without anything of the data it did not show (a 404 of another organisation's booking says only "findes ikke").
 */
@ControllerAdvice
class PageErrors {

    private static void signedIn(Model model) {
        model.addAttribute("me", CurrentUser.signedIn());
    }

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ServiceRefusal.class)
    String refused(ServiceRefusal refusal, Model model, HttpServletResponse response) {
        signedIn(model);
        int status = refusal.status();
        response.setStatus(status == 401 ? 403 : status);
        model.addAttribute("status", status);
        model.addAttribute("heading", switch (status) {
            case 403, 401 -> "Det har du ikke adgang til";
            case 404 -> "Det findes ikke – eller du kan ikke se det";
            default -> "Det kunne ikke lade sig gøre";
        });
        model.addAttribute("message", switch (status) {
            case 403, 401 -> "Din rolle eller organisation giver ikke adgang til denne side eller handling. Spørg din organisations "
                    + "administrator eller husets leder, hvis du mener, du burde have adgang.";
            case 404 -> "Siden viser kun det, din organisation har adgang til.";
            default -> dk.bindeled.staffweb.domain.RefusalText.reason(refusal.detail());
        });
        return "error-page";
    }

    @ExceptionHandler(ServiceUnavailable.class)
    String unavailable(ServiceUnavailable e, Model model, HttpServletResponse response) {
        log.warn("{}", e.getMessage());
        signedIn(model);
        response.setStatus(503);
        model.addAttribute("status", 503);
        model.addAttribute("heading", "En del af Bindeled svarer ikke lige nu");
        model.addAttribute("message", "Tjenesten '" + e.service() + "' svarede ikke. Prøv igen om lidt; har du sendt en formular, "
                + "så se efter, om den kom igennem, før du sender igen.");
        return "error-page";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badParameter(Exception e, Model model, HttpServletResponse response) {
        signedIn(model);
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("heading", "Adressen er ikke gyldig");
        model.addAttribute("message", "En værdi i adressen kunne ikke læses (fx en dato, der skal skrives som 2026-12-03).");
        return "error-page";
    }
}
