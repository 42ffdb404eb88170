package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.StaffUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in ({@code me}), to offer only what that person may do. */
@ControllerAdvice
class CurrentUser {

    @ModelAttribute("me")
    StaffUser me() {
        return signedIn();
    }

    /** From the session's authentication (also where an exception handler renders a page, which gets no model attributes). */
    static StaffUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OidcUser user ? StaffUser.of(user.getClaims()) : null;
    }
}
