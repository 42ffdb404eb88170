package dk.bindeled.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real token issuer for tests, standing in for the identity provider through the very same validation path:
 * an RSA key pair of its own, its public key published as a JWKS over HTTP ({@code <issuer>/oauth2/jwks}, the JDK's
 * HTTP server on a free port), and RS256 tokens signed with it. Besides good tokens it makes the bad ones a
 * service must refuse: expired, of another issuer, for another audience, unsigned ({@code alg: none}), with a
 * tampered payload, and signed by a key the JWKS does not hold.
 *
 * <p>{@link #shared()} is one issuer per test JVM; point a service at it with {@link #springProperties()}.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "bindeled";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestIssuer shared;

    private final HttpServer server;
    private final String issuer;
    private final KeyPair key;
    private final String kid;
    private final KeyPair otherKey = rsa();
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TestIssuer() {
        this.key = rsa();
        this.kid = "test-" + UUID.randomUUID();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the test issuer's JWKS port", e);
        }
        byte[] jwks = JSON.writeValueAsBytes(Map.of("keys", List.of(jwk((RSAPublicKey) key.getPublic(), kid))));
        server.createContext("/oauth2/jwks", exchange -> {
            jwksRequests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new issuer with a key and a port of its own. */
    public static TestIssuer start() {
        return new TestIssuer();
    }

    /**
     * One issuer for the whole test JVM. It is also set as the system properties {@code bindeled.security.issuer-uri}
     * and {@code .jwk-set-uri}, so every service a test starts in this JVM (a second instance, a replica) checks its
     * tokens, without each test passing them on.
     */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = start();
            shared.springProperties().forEach(System::setProperty);
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** How many times the JWKS was asked for. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** {@code bindeled.security.issuer-uri} and {@code .jwk-set-uri} pointing at this issuer. */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bindeled.security.issuer-uri", issuer());
        props.put("bindeled.security.jwk-set-uri", jwkSetUri());
        return props;
    }

    /** A caller to make a token for: who it is, its organisation (a partner id), roles and centres. */
    public record TestCaller(String subject, String name, UUID org, String orgCvr, List<String> roles, List<String> centres) {

        public TestCaller {
            roles = List.copyOf(roles);
            centres = List.copyOf(centres);
        }

        public TestCaller name(String name) {
            return new TestCaller(subject, name, org, orgCvr, roles, centres);
        }

        public TestCaller org(UUID org) {
            return new TestCaller(subject, name, org, orgCvr, roles, centres);
        }

        public TestCaller orgCvr(String orgCvr) {
            return new TestCaller(subject, name, org, orgCvr, roles, centres);
        }

        public TestCaller roles(String... roles) {
            return new TestCaller(subject, name, org, orgCvr, List.of(roles), centres);
        }

        public TestCaller centres(String... centres) {
            return new TestCaller(subject, name, org, orgCvr, roles, List.of(centres));
        }
    }

    public static TestCaller caller(String subject) {
        return new TestCaller(subject, subject, null, null, List.of(), List.of());
    }

    /** The platform admin: no organisation. */
    public static TestCaller admin(String subject) {
        return caller(subject).roles("admin");
    }

    /** A good token: this issuer, audience bindeled, valid for 15 minutes. */
    public String token(TestCaller caller) {
        return sign(claims(caller, issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))), key, kid);
    }

    public String expiredToken(TestCaller caller) {
        return sign(claims(caller, issuer, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10))), key, kid);
    }

    public String wrongIssuerToken(TestCaller caller) {
        return sign(claims(caller, "http://127.0.0.1:1/not-the-issuer", AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))), key, kid);
    }

    public String wrongAudienceToken(TestCaller caller) {
        return sign(claims(caller, issuer, "another-system", Instant.now().plus(Duration.ofMinutes(15))), key, kid);
    }

    /** {@code alg: none}, no signature: anyone could have written it. */
    public String unsignedToken(TestCaller caller) {
        String header = b64(JSON.writeValueAsBytes(Map.of("alg", "none", "typ", "JWT")));
        String payload = b64(JSON.writeValueAsBytes(claims(caller, issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)))));
        return header + "." + payload + ".";
    }

    /** A good token whose payload was changed afterwards (roles raised to admin): its signature no longer fits. */
    public String tamperedToken(TestCaller caller) {
        String good = token(caller);
        String[] parts = good.split("\\.");
        Map<String, Object> claims = claims(caller.roles("admin"), issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15)));
        return parts[0] + "." + b64(JSON.writeValueAsBytes(claims)) + "." + parts[2];
    }

    /** Signed well, but by a key the JWKS does not hold (under a key id it does not know). */
    public String otherKeyToken(TestCaller caller) {
        return sign(claims(caller, issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))), otherKey, "unknown-" + kid);
    }

    /** Signed by another key but claiming this issuer's key id. */
    public String otherKeySameKidToken(TestCaller caller) {
        return sign(claims(caller, issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(15))), otherKey, kid);
    }

    private static Map<String, Object> claims(TestCaller caller, String iss, String aud, Instant exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        Instant now = Instant.now();
        claims.put("iss", iss);
        claims.put("sub", caller.subject());
        claims.put("aud", aud);
        claims.put("iat", Math.min(now.getEpochSecond(), exp.getEpochSecond() - 60));
        claims.put("nbf", Math.min(now.getEpochSecond(), exp.getEpochSecond() - 60));
        claims.put("exp", exp.getEpochSecond());
        claims.put("name", caller.name());
        if (caller.org() != null) {
            claims.put("org", caller.org().toString());
        }
        if (caller.orgCvr() != null) {
            claims.put("org_cvr", caller.orgCvr());
        }
        claims.put("roles", new ArrayList<>(caller.roles()));
        claims.put("centres", new ArrayList<>(caller.centres()));
        return claims;
    }

    private static String sign(Map<String, Object> claims, KeyPair with, String keyId) {
        String header = b64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)));
        String payload = b64(JSON.writeValueAsBytes(claims));
        String input = header + "." + payload;
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(with.getPrivate());
            rs256.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(RSAPublicKey key, String kid) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", b64(unsigned(key.getModulus())));
        jwk.put("e", b64(unsigned(key.getPublicExponent())));
        return jwk;
    }

    /** JWK integers are big-endian without the sign byte Java adds. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops serving the JWKS: a service that has not fetched the keys yet cannot check a token any more. */
    @Override
    public void close() {
        server.stop(0);
    }
}
