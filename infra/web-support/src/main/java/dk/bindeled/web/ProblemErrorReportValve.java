package dk.bindeled.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report as RFC 9457 problem+json instead of its HTML page: what the container refuses before
 * Spring MVC runs (an encoded slash or NUL in the path, a malformed request line or headers, …) gets the same
 * kind of answer as everything else. The detail is fixed per status ({@link StatusProblems}); neither the
 * container's message nor a stack trace nor the server's version is sent.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As the HTML report: never over a body already written, and only once per response.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (throwable != null && status >= 500) {
            log.error("Request failed in the servlet container", throwable);
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(StatusProblems.of(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written any more: nothing left to tell anyone.
            log.debug("Could not write the problem for status {}", status, e);
        }
    }

    static String json(ProblemDetail problem) {
        return ProblemJson.of(problem);
    }
}
