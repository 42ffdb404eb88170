package dk.bindeled.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The development sign-ins, read from the identity service's own {@code demo-identities.json} (the file that
 * service loads), so what the launcher prints is what one can sign in with.
 */
record DemoUsers(List<User> users, List<Client> clients) {

    static final Path FILE = Path.of("services/identity/src/main/resources/demo-identities.json");

    record User(String username, String password, String name, List<String> roles, String organisation, List<String> centres) {
    }

    record Client(String clientId, String secret, List<String> grants) {
    }

    static DemoUsers load(Path root) {
        try {
            JsonNode file = new ObjectMapper().readTree(root.resolve(FILE).toFile());
            Map<String, String> organisations = new HashMap<>();
            file.path("organisations").forEach(o -> organisations.put(o.path("key").asText(), o.path("name").asText()));
            List<User> users = new ArrayList<>();
            for (JsonNode u : file.path("users")) {
                String org = u.path("org").asText(u.path("organisation").asText(""));
                users.add(new User(u.path("username").asText(), u.path("password").asText(), u.path("name").asText(),
                        strings(u.path("roles")), organisations.getOrDefault(org, org), strings(u.path("centres"))));
            }
            List<Client> clients = new ArrayList<>();
            for (JsonNode c : file.path("clients")) {
                clients.add(new Client(c.path("clientId").asText(), c.path("secret").asText(), strings(c.path("grants"))));
            }
            return new DemoUsers(List.copyOf(users), List.copyOf(clients));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(FILE), e);
        }
    }

    /** A table for the console: user, password, roles, organisation, centres. */
    String table() {
        StringBuilder out = new StringBuilder();
        String format = "    %-10s %-18s %-30s %-45s %s%n";
        out.append(String.format(format, "user", "password", "roles", "organisation", "centres"));
        for (User u : users) {
            out.append(String.format(format, u.username(), u.password(), String.join(",", u.roles()),
                    u.organisation().isEmpty() ? "–" : u.organisation(),
                    u.centres().size() >= 4 ? "all" : String.join(",", u.centres())));
        }
        out.append("  Script clients (client credentials):\n");
        for (Client c : clients) {
            if (c.grants().contains("client_credentials")) {
                out.append(String.format("    %-40s secret %s%n", c.clientId(), c.secret()));
            }
        }
        return out.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
