package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.Viewer;

/**
 * Where the request's caller comes from: the validated token, once sign-in exists (infra/security-support). Until a
 * bean of this type is wired, {@link Access} does not enforce the rules and the service answers as it did before
 * issue 9.
 */
public interface CallerViewer {

    /** The signed-in caller, or {@link Viewer#ANONYMOUS}. */
    Viewer current();

    /** 403 naming the right the caller lacks, as the platform answers it. */
    RuntimeException missing(String right);
}
