package dk.bindeled.security;

import dk.bindeled.command.CommandActor;

/**
 * The actor on every command a request sends, and so on every event it causes: the token's subject. Outside a
 * request (or without a token) it is {@code anonymous}; a command a service decides on by itself (a deferred
 * command, a scheduled one) names the sending system explicitly instead.
 */
public class TokenCommandActor implements CommandActor {

    @Override
    public String current() {
        return Callers.current().subject();
    }
}
