package dk.bindeled.web;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a client gets when the servlet container refuses a request before Spring MVC runs, or when a refusal
 * reaches Spring's {@code /error}: on a real embedded Tomcat, with raw requests over a socket, because an HTTP
 * client refuses to send most of them. Every answer must be problem+json without internals, never Tomcat's or
 * Boot's HTML page.
 */
@SpringBootTest(classes = ContainerRefusalsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerRefusalsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({App.Greeting.class, App.Problems.class})
    static class App {

        @RestController
        static class Greeting {
            @GetMapping("/hello/{name}")
            String hello(@org.springframework.web.bind.annotation.PathVariable String name) {
                return "hello " + name;
            }
        }

        @RestControllerAdvice
        @Order(Ordered.HIGHEST_PRECEDENCE)
        static class Problems extends ProblemResponses {
        }

        /** Refusals made outside Spring MVC, the way a security or rate-limit filter makes them. */
        @Bean
        FilterRegistrationBean<Filter> refusingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String uri = ((jakarta.servlet.http.HttpServletRequest) request).getRequestURI();
                if (uri.equals("/filtered/unavailable")) {
                    ((HttpServletResponse) response).sendError(503, "pool db-7.internal exhausted");
                } else if (uri.equals("/filtered/broken")) {
                    throw new IllegalStateException("secret at db-7.internal:5432");
                } else {
                    chain.doFilter(request, response);
                }
            });
            registration.addUrlPatterns("/filtered/*");
            return registration;
        }
    }

    @LocalServerPort
    int port;

    record Answer(int status, Map<String, String> headers, String body) {
        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() throws IOException {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    @Test
    void anEncodedSlashInThePathIsA400Problem() throws IOException {
        assertProblem(raw("GET /hello/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anEncodedNulInThePathIsA400Problem() throws IOException {
        assertProblem(raw("GET /hello/a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void aRequestHeaderTooLargeIsAProblem() throws IOException {
        String big = "x".repeat(20_000);
        Answer answer = raw("GET /hello/a HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isIn(400, 431);
        assertProblem(answer, answer.status());
    }

    @Test
    void aMalformedRequestLineIsA400Problem() throws IOException {
        assertProblem(raw("GET /hello/{a} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anUnknownPathIsA404Problem() throws IOException {
        assertProblem(raw("GET /nowhere HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n"), 404);
    }

    @Test
    void aSendErrorOutsideSpringMvcIsAProblemWithoutTheMessage() throws IOException {
        Answer answer = raw("GET /filtered/unavailable HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 503);
        assertThat(answer.body()).doesNotContain("db-7");
    }

    @Test
    void anExceptionOutsideSpringMvcIsA500ProblemWithoutInternals() throws IOException {
        Answer answer = raw("GET /filtered/broken HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(answer, 500);
        assertThat(answer.body()).doesNotContain("db-7").doesNotContain("IllegalStateException");
    }

    @Test
    void theErrorPathAskedForDirectlyIsAProblemToo() throws IOException {
        Answer answer = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(answer.status());
    }

    @Test
    void anOrdinaryRequestIsUntouched() throws IOException {
        Answer answer = raw("GET /hello/world HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello world");
    }

    private static void assertProblem(Answer answer, int status) throws IOException {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("https://bindeled.dk/problems/");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html").doesNotContain("Exception");
    }

    /** One request written byte for byte; the answer read until the server closes the connection. */
    private Answer raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return parse(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String response) {
        int split = response.indexOf("\r\n\r\n");
        String head = split < 0 ? response : response.substring(0, split);
        String body = split < 0 ? "" : response.substring(split + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
