package dk.bindeled.dashboard.query;

/** No centre with this id has been defined for booking (yet). */
public class CentreNotFoundException extends RuntimeException {

    private final String centreId;

    public CentreNotFoundException(String centreId) {
        super("No centre with id '" + centreId + "' is known to the dashboard");
        this.centreId = centreId;
    }

    public String centreId() {
        return centreId;
    }
}
