package dk.bindeled.staffweb.integration.out;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service, called with the signed-in user's access token (the {@link RestClient} given carries the OAuth2
 * interceptor, which also refreshes an expired token). Answers come as maps for the templates; a 4xx becomes a
 * {@link ServiceRefusal} with the service's problem, anything else a {@link ServiceUnavailable}.
 */
public class ServiceClient {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final String name;
    private final RestClient rest;
    private final JsonMapper json;

    public ServiceClient(String name, RestClient rest, JsonMapper json) {
        this.name = name;
        this.rest = rest;
        this.json = json;
    }

    public Map<String, Object> get(Function<UriBuilder, URI> uri) {
        return call(() -> Answers.lenient(rest.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response)).body(OBJECT)));
    }

    public Map<String, Object> getWithHeader(Function<UriBuilder, URI> uri, String header, String value) {
        return call(() -> Answers.lenient(rest.get().uri(uri).header(header, value).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> refuse(response)).body(OBJECT)));
    }

    public List<Map<String, Object>> getList(Function<UriBuilder, URI> uri) {
        return call(() -> Answers.lenient(rest.get().uri(uri).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response)).body(LIST)));
    }

    /** A document the service renders (a PDF), as it is. */
    public byte[] getBytes(Function<UriBuilder, URI> uri, MediaType type) {
        return call(() -> rest.get().uri(uri).accept(type).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .body(byte[].class));
    }

    public Map<String, Object> post(Function<UriBuilder, URI> uri, Object body) {
        return call(() -> {
            Map<String, Object> answer = rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body)
                    .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response)).body(OBJECT);
            return answer == null ? Map.of() : Answers.lenient(answer);
        });
    }

    public Map<String, Object> put(Function<UriBuilder, URI> uri, Object body) {
        return call(() -> {
            Map<String, Object> answer = rest.put().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response)).body(OBJECT);
            return answer == null ? Map.of() : answer;
        });
    }

    public void delete(Function<UriBuilder, URI> uri) {
        call(() -> rest.delete().uri(uri).retrieve().onStatus(HttpStatusCode::isError, (request, response) -> refuse(response))
                .toBodilessEntity());
    }

    private void refuse(org.springframework.http.client.ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        if (status >= 500) {
            throw new ServiceUnavailable(name, "HTTP " + status, null);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        byte[] body = response.getBody().readAllBytes();
        if (body.length > 0) {
            try {
                problem.putAll(json.readValue(body, OBJECT_TYPE));
            } catch (RuntimeException unreadable) {
                problem.put("detail", new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        throw new ServiceRefusal(status, problem);
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> OBJECT_TYPE = new tools.jackson.core.type.TypeReference<>() {
    };

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceRefusal | ServiceUnavailable known) {
            throw known;
        } catch (ResourceAccessException e) {
            throw new ServiceUnavailable(name, e.getMessage(), e);
        } catch (RestClientResponseException e) {
            throw new ServiceUnavailable(name, "HTTP " + e.getStatusCode().value(), e);
        }
    }

    private void call(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
