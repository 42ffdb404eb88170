package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.Viewer;
import dk.bindeled.security.Caller;
import dk.bindeled.security.Callers;
import dk.bindeled.security.MissingRightException;
import java.util.UUID;

/** The request's validated token as the booking rules' {@link Viewer}; a refusal as the platform's 403 naming the right. */
public class TokenCallerViewer implements CallerViewer {

    @Override
    public Viewer current() {
        Caller caller = Callers.current();
        if (caller.isAnonymous()) {
            return Viewer.ANONYMOUS;
        }
        return new Viewer(caller.subject(), caller.roles(), caller.org().map(UUID::toString).orElse(null), caller.centres());
    }

    @Override
    public RuntimeException missing(String right) {
        return new MissingRightException(right, "The caller may not do this for this partner or centre (" + right + ")");
    }
}
