package dk.bindeled.dashboard.web;

/** A request parameter that cannot be used; answered with 400 and the parameter's name. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String reason) {
        super("Parameter '" + parameter + "': " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
