package dk.bindeled.dashboard.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Pages at addresses without {@code .html}. The info screen of a centre is at {@code /skaerm/{centreId}}: one
 * static page for every centre, which reads the centre from its own address. It is served for any id, so a
 * screen set up before its centre is defined waits and tries again instead of showing a browser error.
 */
@Controller
public class ScreenPageController {

    /** The centres with links to their info screens, and the utilisation of their resources per week. */
    @GetMapping("/huse")
    public String centres() {
        return "forward:/huse.html";
    }

    @GetMapping("/skaerm/{centreId}")
    public String screen(@PathVariable String centreId) {
        return "forward:/skaerm.html";
    }
}
