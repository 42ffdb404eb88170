package dk.bindeled.identity.domain;

import java.util.List;

/** The demo identities file cannot be used; the message lists every problem found, so one fix round is enough. */
public class InvalidDemoIdentitiesException extends RuntimeException {

    private final List<String> problems;

    public InvalidDemoIdentitiesException(String source, List<String> problems) {
        super(source + " is invalid:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidDemoIdentitiesException(String source, String problem, Throwable cause) {
        super(source + " is invalid: " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
