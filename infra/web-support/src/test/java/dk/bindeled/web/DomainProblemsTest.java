package dk.bindeled.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.NotFoundException;
import dk.bindeled.domain.RuleViolationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * domain-support's refusals through a real dispatcher, with a service's own advice beside it that (as every service's
 * does, through {@link ProblemResponses}) answers any exception: the domain's are still 400, 409 and 404, never 500.
 */
class DomainProblemsTest {

    @RestController
    static class Meetings {

        @GetMapping("/bad")
        String bad() {
            throw new InvalidInputException("quorumShare", "must be a share from 0 to 1");
        }

        @GetMapping("/rule")
        String rule() {
            throw new RuleViolationException("proxy-not-allowed", "A member holds at most one proxy", Map.of("holder", "lektiecafeen"));
        }

        @GetMapping("/missing")
        String missing() {
            throw new NotFoundException("No meeting m9");
        }
    }

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    static class ServiceProblems extends ProblemResponses {
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Meetings())
            .setControllerAdvice(new ServiceProblems(), new DomainProblems()).build();

    @Test
    void badInputIs400NamingTheField() throws Exception {
        mvc.perform(get("/bad")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("quorumShare"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a share from 0 to 1"));
    }

    @Test
    void aBrokenRuleIs409NamingItWithWhatTheRefusalAdds() throws Exception {
        mvc.perform(get("/rule")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("proxy-not-allowed"))
                .andExpect(jsonPath("$.holder").value("lektiecafeen"))
                .andExpect(jsonPath("$.detail").value("A member holds at most one proxy"));
    }

    @Test
    void unknownIs404() throws Exception {
        mvc.perform(get("/missing")).andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value("https://bindeled.dk/problems/not-found"));
    }
}
