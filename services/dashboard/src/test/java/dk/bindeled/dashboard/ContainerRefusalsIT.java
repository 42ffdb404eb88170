package dk.bindeled.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the servlet container refuses before any controller runs is problem+json here too, never Tomcat's HTML page. */
class ContainerRefusalsIT extends DashboardIntegrationTest {

    @Test
    void anEncodedSlashOrNulInThePathIsAProblemNotAnHtmlPage() throws IOException {
        for (String path : new String[] {"/skaerm/a%2Fb", "/api/overview%00"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer).as(path).containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":400").doesNotContain("<html").doesNotContainIgnoringCase("tomcat");
        }
    }

    @Test
    void aHeaderTooLargeIsAProblemNotAnHtmlPage() throws IOException {
        String answer = raw("GET /api/overview HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json").doesNotContain("<html");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
