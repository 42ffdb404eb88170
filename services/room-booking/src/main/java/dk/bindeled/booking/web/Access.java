package dk.bindeled.booking.web;

import dk.bindeled.booking.domain.BookingLocator;
import dk.bindeled.booking.domain.CentreDirectory;
import dk.bindeled.booking.domain.Viewer;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The request's caller as the booking rules see it ({@link Viewer}), and the refusals of those rules. Whose a
 * booking is and which centre a resource belongs to come from the command side's own tables (written in the command's
 * transaction), never from the projection, so a booking made a moment ago is judged like any other.
 * <p>
 * The caller comes from a {@link CallerViewer}. Without one (sign-in not wired yet) nothing is refused and detail
 * reads are answered whole, exactly as before the rules existed; the public calendars are disclosed as to anyone.
 */
@Component
public class Access {

    private final CentreDirectory centres;
    private final ObjectProvider<CallerViewer> callers;

    public Access(CentreDirectory centres, ObjectProvider<CallerViewer> callers) {
        this.centres = centres;
        this.callers = callers;
    }

    /** Whether the rules are enforced: a caller source is wired. */
    public boolean enforced() {
        return callers.getIfAvailable() != null;
    }

    /** The signed-in caller, or {@link Viewer#ANONYMOUS} (also while nothing is enforced). */
    public Viewer viewer() {
        CallerViewer source = callers.getIfAvailable();
        return source == null ? Viewer.ANONYMOUS : source.current();
    }

    /** 403 naming the right, unless the rule holds (or nothing is enforced yet). */
    public void require(boolean allowed, String right) {
        CallerViewer source = callers.getIfAvailable();
        if (!allowed && source != null) {
            throw source.missing(right);
        }
    }

    /** A detail answer as this caller may see it; whole while nothing is enforced. */
    public <T> T disclose(T view, BiFunction<T, Viewer, T> disclosure) {
        return enforced() ? disclosure.apply(view, viewer()) : view;
    }

    /** Who made something, for the record: the token's subject, else anonymous. */
    public String actor() {
        Viewer viewer = viewer();
        return viewer.subject() == null ? "anonymous" : viewer.subject();
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
