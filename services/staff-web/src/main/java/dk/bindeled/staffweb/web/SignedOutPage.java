package dk.bindeled.staffweb.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the identity provider sends the browser after signing out: a page of its own, so it does not sign in again at once. */
@Controller
class SignedOutPage {

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
