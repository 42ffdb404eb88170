package dk.bindeled.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The shared answers, through a real dispatcher: a tiny controller and an advice that only extends them. */
class ProblemResponsesTest {

    enum Day { MO, TU, WE }

    record Schedule(@NotNull Day byDay, Integer weeks) {
    }

    record Activity(@NotBlank String title, @NotEmpty List<@Valid Schedule> schedules) {
    }

    /** A domain refusal of the kind a service maps itself. */
    static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @RestController
    static class Activities {

        @PostMapping("/activities")
        String create(@Valid @RequestBody Activity activity) {
            return "created";
        }

        @GetMapping("/activities")
        String list(@RequestParam Day day, @RequestParam(defaultValue = "10") @Min(1) int limit) {
            return "listed";
        }

        @GetMapping("/activities/refused")
        String refused() {
            throw new Refused("The centre is closed on Sundays");
        }

        @GetMapping("/activities/broken")
        String broken() {
            throw new IllegalStateException("connection pool exhausted at db-7.internal:5432");
        }
    }

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Problems extends ProblemResponses {

        @ExceptionHandler(Refused.class)
        ProblemDetail refused(Refused e) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violation", "The request breaks a rule", e.getMessage());
            problem.setProperty("rule", "closed");
            return problem;
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Activities()).setControllerAdvice(new Problems()).build();

    @Test
    void invalidFieldsAreListedByPathSortedAndNamedInTheDetail() throws Exception {
        validation(post("/activities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"schedules\":[{\"byDay\":\"MO\"},{\"weeks\":2}]}"))
                .andExpect(content().json("""
                        {"errors": [{"field": "schedules[1].byDay", "reason": "must not be null"},
                                    {"field": "title", "reason": "must not be blank"}]}"""))
                .andExpect(jsonPath("$.detail").value("Invalid: schedules[1].byDay must not be null, title must not be blank"));
    }

    @Test
    void aWrongEnumValueDeepInTheBodyNamesItsPathAndTheAcceptedValues() throws Exception {
        validation(post("/activities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Babycafé\",\"schedules\":[{\"byDay\":\"MO\"},{\"byDay\":\"SUNDAY\"}]}"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("schedules[1].byDay"))
                // Jackson lists the accepted values in an order of its own.
                .andExpect(jsonPath("$.errors[0].reason", Matchers.allOf(Matchers.startsWith("must be one of ["),
                        Matchers.containsString("MO"), Matchers.containsString("TU"), Matchers.containsString("WE"),
                        Matchers.endsWith("]"))));
    }

    @Test
    void anEmptyEnumValueNamesItsPathAndTheAcceptedValues() throws Exception {
        validation(post("/activities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Babycafé\",\"schedules\":[{\"byDay\":\"\"}]}"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("schedules[0].byDay"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of [MO, TU, WE]"));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() throws Exception {
        validation(post("/activities").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Babycafé\",\"schedules\":[{\"byDay\":\"MO\",\"weeks\":\"many\"}]}"))
                .andExpect(jsonPath("$.errors[0].field").value("schedules[0].weeks"))
                .andExpect(jsonPath("$.errors[0].reason").value("has the wrong type or format"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsTheBody() throws Exception {
        validation(post("/activities").contentType(MediaType.APPLICATION_JSON).content("title=Babycafé"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("is not readable JSON"))
                .andExpect(jsonPath("$.detail").value("Invalid: body is not readable JSON"));
    }

    @Test
    void aParameterOfTheWrongTypeIsNamedWithTheAcceptedValuesOrTheWrongFormat() throws Exception {
        validation(get("/activities?day=SUNDAY"))
                .andExpect(jsonPath("$.errors[0].field").value("day"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of [MO, TU, WE]"));
        validation(get("/activities?day=MO&limit=ten"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].reason").value("has the wrong format"));
    }

    @Test
    void aParameterBreakingItsConstraintIsNamed() throws Exception {
        validation(get("/activities?day=MO&limit=0"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be greater than or equal to 1"));
        mvc.perform(get("/activities?day=MO&limit=1")).andExpect(status().isOk());
    }

    @Test
    void springsOwnRefusalsKeepTheirStatus() throws Exception {
        refused(delete("/activities"), HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
        refused(get("/nothing-here"), HttpStatus.NOT_FOUND, "Not Found");
        refused(post("/activities").contentType(MediaType.TEXT_PLAIN).content("Babycafé"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type");
    }

    @Test
    void anUnexpectedFailureIsA500ThatGivesNothingAway() throws Exception {
        refused(get("/activities/broken"), HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error")
                .andExpect(jsonPath("$.detail").value(
                        "The request could not be completed; nothing was changed. Try again or contact the operators."))
                .andExpect(content().string(Matchers.not(Matchers.containsString("db-7"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void aSubclassAnswersItsOwnRefusalsWithTheSharedShape() throws Exception {
        refused(get("/activities/refused"), HttpStatus.CONFLICT, "rule-violation", "The request breaks a rule")
                .andExpect(jsonPath("$.detail").value("The centre is closed on Sundays"))
                .andExpect(jsonPath("$.rule").value("closed"));
    }

    /** A 400 of type validation, problem+json, with the errors at the top level as {field, reason} only. */
    private ResultActions validation(MockHttpServletRequestBuilder request) throws Exception {
        return refused(request, HttpStatus.BAD_REQUEST, "validation", "Invalid input")
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Invalid: ")))
                .andExpect(jsonPath("$.errors[*]", Matchers.everyItem(Matchers.aMapWithSize(2))))
                .andExpect(jsonPath("$.errors[*].field", Matchers.everyItem(Matchers.notNullValue())))
                .andExpect(jsonPath("$.properties").doesNotExist());
    }

    /** A problem of one of Bindeled's own types: https://bindeled.dk/problems/{type}. */
    private ResultActions refused(MockHttpServletRequestBuilder request, HttpStatus status, String type, String title)
            throws Exception {
        return refused(request, status, title).andExpect(jsonPath("$.type").value("https://bindeled.dk/problems/" + type));
    }

    /** problem+json with the status both in the response and in the body. */
    private ResultActions refused(MockHttpServletRequestBuilder request, HttpStatus status, String title) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status.value()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status.value()))
                .andExpect(jsonPath("$.title").value(title));
    }
}
