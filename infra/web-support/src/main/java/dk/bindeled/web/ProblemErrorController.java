package dk.bindeled.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring's error path ({@code /error}, where the container forwards a {@code sendError} or an exception thrown
 * outside Spring MVC, e.g. in a filter) answered as problem+json, whatever the client accepts: in place of
 * Boot's {@code BasicErrorController}, which answers JSON of its own shape or the HTML whitelabel page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // Asked for directly, /error is just an address where nothing is found.
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 404;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && exception instanceof Throwable failure) {
            log.error("Request failed outside the controllers", failure);
        }
        // Set, not negotiated: a browser's Accept: text/html must not turn a refusal into a 406.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(StatusProblems.of(status));
    }
}
