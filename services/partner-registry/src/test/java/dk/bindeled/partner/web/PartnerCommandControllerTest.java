package dk.bindeled.partner.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.bindeled.partner.api.Commands.PublishOffer;
import dk.bindeled.partner.api.Commands.RegisterPartner;
import dk.bindeled.partner.domain.NotFoundException;
import dk.bindeled.partner.domain.RuleViolationException;
import org.hamcrest.Matchers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer alone: shape validation, problem+json, mapping of domain refusals to status codes. The filter chain
 * (token checks, endpoint rules) is left out here and tested over HTTP in the access ITs; the caller is an admin,
 * put in the security context as the bearer filter would.
 */
@WebMvcTest(PartnerCommandController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(PartnerAccess.class)
class PartnerCommandControllerTest {

    @BeforeEach
    void signInAsAdmin() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("tovholder@test").claim("roles", List.of("admin")).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static final String VALID = """
            {"name":"Café Sumak","sector":"PRIVATE","kind":"SOCIAL_ECONOMY_BUSINESS","cvr":"29189129"}""";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandSender commands;

    @Test
    void aValidRegistrationSendsTheCommandAndAnswers201WithTheNewId() throws Exception {
        mvc.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/partners/")))
                .andExpect(jsonPath("$.id").isString());
        verify(commands).send(any(RegisterPartner.class), anyString());
    }

    @Test
    void missingAndMalformedFieldsAreListedOneByOne() throws Exception {
        mvc.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cvr\":\"12\",\"phone\":\"call me\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("cvr", "kind", "name", "phone", "sector")))
                .andExpect(jsonPath("$.errors[?(@.field == 'cvr')].reason").value("must be 8 digits"));
        verifyNoInteractions(commands);
    }

    @Test
    void aWrongEnumValueNamesTheFieldAndTheAcceptedValues() throws Exception {
        mvc.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"sector\":\"PUBLIC\",\"kind\":\"SPACESHIP\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].reason", Matchers.containsString("LIBRARY")));
        verifyNoInteractions(commands);
    }

    @Test
    void domainRefusalsBecome409And404() throws Exception {
        doThrow(new RuleViolationException("Partner p is deactivated")).when(commands).send(any(PublishOffer.class), anyString());
        String offer = """
                {"title":"Lektiecafé","targetGroups":["CHILDREN"],"status":"ACTIVE"}""";
        mvc.perform(post("/api/partners/p/offers").contentType(MediaType.APPLICATION_JSON).content(offer))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Partner p is deactivated"));

        doThrow(new NotFoundException("No partner q")).when(commands).send(any(PublishOffer.class), anyString());
        mvc.perform(post("/api/partners/q/offers").contentType(MediaType.APPLICATION_JSON).content(offer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No partner q"));
    }

    @Test
    void frameworkRefusalsKeepTheirStatusAsProblemJson() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/partners/p/deactivation"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/partners").contentType(MediaType.TEXT_PLAIN).content("Café Sumak"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/nothing-here").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound());
        verifyNoInteractions(commands);
    }

    @Test
    void anUnexpectedFailureIsA500ThatGivesNothingAway() throws Exception {
        doThrow(new IllegalStateException("connection pool exhausted at db-7")).when(commands).send(any(RegisterPartner.class), anyString());
        mvc.perform(post("/api/partners").contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("db-7"))));
    }

    @Test
    void aCentreIdMustBeASlug() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/partners/p/centres/Not Valid!")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"AD_HOC_ACTOR\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("centreId"));
        verifyNoInteractions(commands);
    }
}
