package dk.bindeled.identity.domain;

/** A person who can sign in, with the password of the demo file in clear (it is printed for developers anyway). */
public record DemoUser(String username, String password, Identity identity) {
}
