package dk.bindeled.command;

/**
 * Who sends the commands of the current request; recorded on every event they cause. Replaceable (a bean of
 * this type wins over the default) for when sign-in decides it.
 */
@FunctionalInterface
public interface CommandActor {

    String current();
}
