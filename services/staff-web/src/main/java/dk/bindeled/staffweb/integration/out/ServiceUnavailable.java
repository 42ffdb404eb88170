package dk.bindeled.staffweb.integration.out;

/** A service did not answer, or answered 5xx: the page says which part is away and that nothing was lost on our side. */
public class ServiceUnavailable extends RuntimeException {

    private final String service;

    public ServiceUnavailable(String service, String reason, Throwable cause) {
        super(service + " unavailable: " + reason, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
