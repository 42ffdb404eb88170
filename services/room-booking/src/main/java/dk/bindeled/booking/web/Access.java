package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingLocator;
import dk.bindeled.booking.domain.CentreDirectory;
import dk.bindeled.booking.domain.Viewer;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The request's caller as the booking rules see it ({@link Viewer}), and the refusals of those rules. Whose a
 * booking is and which centre a resource belongs to come from the command side's own tables (written in the command's
 * transaction), never from the projection, so a booking made a moment ago is judged like any other.
 */
@Component
public class Access {

    private final CentreDirectory centres;

    public Access(CentreDirectory centres) {
        this.centres = centres;
    }

    /** The signed-in caller, or {@link Viewer#ANONYMOUS} on a public endpoint. */
    public Viewer viewer() {
        throw new UnsupportedOperationException("waiting for security-support");
    }

    /** 403 naming the right, unless the rule holds. */
    public void require(boolean allowed, String right) {
        if (!allowed) {
            throw new UnsupportedOperationException("waiting for security-support: " + right);
        }
    }

    /** The centre of a resource, as the command side knows it. */
    public Optional<String> centreOf(String resourceId) {
        return resourceId == null ? Optional.empty() : centres.centreOf(resourceId);
    }

    /** The centre of a located booking, series or waitlist entry. */
    public String centreOf(BookingLocator.Location location) {
        return centres.centreOf(location.resourceId()).orElse(null);
    }

}
