package dk.bindeled.identity.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Danish login page, and the page someone sees who signed in here directly rather than through an app. */
@Controller
class SignInController {

    // Spring Security sends a failed attempt back to /login?error and a finished logout to /login?logout.
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null && error == null);
        return "login";
    }

    @GetMapping("/")
    String signedIn(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "signed-in";
    }
}
