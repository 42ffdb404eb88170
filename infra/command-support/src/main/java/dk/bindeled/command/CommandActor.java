package dk.bindeled.command;

/**
 * Who sends the commands of the current request; recorded on every event they cause. The bean comes from
 * security-support ({@code TokenCommandActor}: the bearer token's subject).
 */
@FunctionalInterface
public interface CommandActor {

    String current();
}
