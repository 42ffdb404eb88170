package dk.bindeled.identity.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo organisations, centres, users and clients, as {@code demo-identities.json} states them. The file
 * decides (the local stack reads the same file to print who can sign in); this class only checks it and refuses to
 * start on a file whose users would get tokens the services cannot make sense of.
 */
public final class DemoIdentities {

    private static final Pattern CVR = Pattern.compile("\\d{8}");
    private static final JsonMapper JSON = JsonMapper.builder()
            // A misspelt field would otherwise be dropped in silence and a user would lack a claim.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final List<String> centres;
    private final Map<String, Organisation> organisations;
    private final Map<String, DemoUser> users;
    private final Map<String, DemoClient> clients;

    private DemoIdentities(List<String> centres, Map<String, Organisation> organisations,
            Map<String, DemoUser> users, Map<String, DemoClient> clients) {
        this.centres = List.copyOf(centres);
        this.organisations = Map.copyOf(organisations);
        this.users = users;
        this.clients = clients;
    }

    public static DemoIdentities read(InputStream json, String source) {
        File file;
        try (json) {
            file = JSON.readValue(json, File.class);
        } catch (JacksonException e) {
            throw new InvalidDemoIdentitiesException(source, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidDemoIdentitiesException(source, "cannot be read: " + e.getMessage(), e);
        }
        return validate(file, source);
    }

    public List<String> centres() {
        return centres;
    }

    public Optional<Organisation> organisation(String key) {
        return Optional.ofNullable(organisations.get(key));
    }

    /** In the file's order. */
    public List<DemoUser> users() {
        return List.copyOf(users.values());
    }

    public Optional<DemoUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** In the file's order. */
    public List<DemoClient> clients() {
        return List.copyOf(clients.values());
    }

    public Optional<DemoClient> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    private static DemoIdentities validate(File file, String source) {
        List<String> problems = new ArrayList<>();
        List<String> centres = file.centres() == null ? List.of() : file.centres();
        if (centres.isEmpty()) {
            problems.add("no centres listed");
        }
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        for (OrganisationEntry entry : nonNull(file.organisations())) {
            if (blank(entry.key())) {
                problems.add("an organisation without a key");
                continue;
            }
            if (entry.cvr() != null && !CVR.matcher(entry.cvr()).matches()) {
                problems.add("organisation '" + entry.key() + "': CVR '" + entry.cvr() + "' is not 8 digits");
            }
            if (organisations.put(entry.key(), new Organisation(entry.key(), DemoPartnerIds.of(entry.key()),
                    entry.name(), entry.cvr())) != null) {
                problems.add("organisation '" + entry.key() + "' listed twice");
            }
        }

        Map<String, DemoUser> users = new LinkedHashMap<>();
        for (UserEntry entry : nonNull(file.users())) {
            if (blank(entry.username())) {
                problems.add("a user without a username");
                continue;
            }
            String what = "user '" + entry.username() + "'";
            if (blank(entry.password())) {
                problems.add(what + ": no password");
            }
            Identity identity = identity(what, entry.username(), entry.name(), entry.roles(), entry.org(),
                    entry.centres(), true, centres, organisations, problems);
            if (users.put(entry.username(), new DemoUser(entry.username(), entry.password(), identity)) != null) {
                problems.add(what + " listed twice");
            }
        }
        if (users.isEmpty()) {
            problems.add("no users listed");
        }

        Map<String, DemoClient> clients = new LinkedHashMap<>();
        for (ClientEntry entry : nonNull(file.clients())) {
            if (blank(entry.clientId())) {
                problems.add("a client without a clientId");
                continue;
            }
            String what = "client '" + entry.clientId() + "'";
            if (blank(entry.secret())) {
                problems.add(what + ": no secret");
            }
            if (users.containsKey(entry.clientId())) {
                // Both would be the subject of their tokens: a service could not tell them apart.
                problems.add(what + ": the same name as a user");
            }
            List<DemoClient.Grant> grants = grants(what, entry.grants(), problems);
            boolean actsForItself = grants.contains(DemoClient.Grant.CLIENT_CREDENTIALS);
            if (actsForItself && grants.contains(DemoClient.Grant.AUTHORIZATION_CODE)) {
                problems.add(what + ": either signs people in (authorization_code) or acts for itself "
                        + "(client_credentials), not both");
            }
            if (!actsForItself && (!nonNull(entry.roles()).isEmpty() || entry.org() != null
                    || !nonNull(entry.centres()).isEmpty())) {
                problems.add(what + ": roles, org and centres belong to client_credentials clients only "
                        + "(a browser client's tokens carry the signed-in user's)");
            }
            Identity identity = identity(what, entry.clientId(), entry.name(), entry.roles(), entry.org(),
                    entry.centres(), actsForItself, centres, organisations, problems);
            if (clients.put(entry.clientId(), new DemoClient(entry.clientId(), entry.secret(), grants,
                    nonNull(entry.scopes()), identity)) != null) {
                problems.add(what + " listed twice");
            }
        }

        if (!problems.isEmpty()) {
            throw new InvalidDemoIdentitiesException(source, problems);
        }
        return new DemoIdentities(centres, organisations, users, clients);
    }

    private static Identity identity(String what, String subject, String name, List<String> roleNames,
            String orgKey, List<String> centreIds, boolean needsRoles, List<String> knownCentres,
            Map<String, Organisation> organisations, List<String> problems) {
        if (blank(name)) {
            problems.add(what + ": no name");
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String roleName : nonNull(roleNames)) {
            Role.fromClaimValue(roleName).ifPresentOrElse(roles::add,
                    () -> problems.add(what + ": unknown role '" + roleName + "' (known: " + Role.known() + ")"));
        }
        if (needsRoles && roles.isEmpty() && nonNull(roleNames).isEmpty()) {
            problems.add(what + ": no roles");
        }
        Organisation organisation = null;
        if (orgKey != null) {
            organisation = organisations.get(orgKey);
            if (organisation == null) {
                problems.add(what + ": unknown org '" + orgKey + "' (not among the file's organisations)");
            }
        }
        List<String> centres = nonNull(centreIds);
        for (String centre : centres) {
            if (!knownCentres.contains(centre)) {
                problems.add(what + ": unknown centre '" + centre + "' (known: " + String.join(", ", knownCentres) + ")");
            }
        }
        boolean admin = roles.contains(Role.ADMIN);
        for (Role role : roles) {
            if (role.boundToCentres() && !admin && centres.isEmpty()) {
                problems.add(what + ": role '" + role.claimValue() + "' without centres");
            }
            if (role.boundToOrganisation() && orgKey == null) {
                problems.add(what + ": role '" + role.claimValue() + "' without an org");
            }
        }
        return new Identity(subject, name, organisation, List.copyOf(roles), centres);
    }

    private static List<DemoClient.Grant> grants(String what, List<String> names, List<String> problems) {
        List<DemoClient.Grant> grants = new ArrayList<>();
        for (String name : nonNull(names)) {
            Arrays.stream(DemoClient.Grant.values()).filter(grant -> grant.value().equals(name)).findFirst()
                    .ifPresentOrElse(grants::add, () -> problems.add(what + ": unknown grant '" + name + "'"));
        }
        if (nonNull(names).isEmpty()) {
            problems.add(what + ": no grants");
        }
        if (grants.contains(DemoClient.Grant.REFRESH_TOKEN) && !grants.contains(DemoClient.Grant.AUTHORIZATION_CODE)) {
            problems.add(what + ": refresh_token only goes with authorization_code");
        }
        return grants;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    // The file's shape. "about" is for the humans who edit it.
    record File(String about, List<String> centres, List<OrganisationEntry> organisations, List<UserEntry> users,
            List<ClientEntry> clients) {
    }

    record OrganisationEntry(String key, String name, String cvr) {
    }

    record UserEntry(String username, String password, String name, List<String> roles, String org,
            List<String> centres) {
    }

    record ClientEntry(String clientId, String secret, String name, List<String> grants, List<String> scopes,
            List<String> roles, String org, List<String> centres) {
    }
}
