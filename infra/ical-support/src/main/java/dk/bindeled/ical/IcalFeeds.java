package dk.bindeled.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * A Bindeled feed from header to wire: the same calendar properties for every feed (PRODID, VERSION 2.0, GREGORIAN,
 * the name and zone calendar apps show), one compact VTIMEZONE per zone used ({@link VTimeZones}), and the text folded
 * by octets ({@link IcalText}). UIDs are {@code <id>@bindeled.dk}.
 */
public final class IcalFeeds {

    public static final String UID_DOMAIN = "@bindeled.dk";

    private IcalFeeds() {
    }

    /** An empty calendar named {@code name}, shown in {@code zone}, with a VTIMEZONE for it and each of {@code zones}. */
    public static Calendar calendar(String prodId, String name, ZoneId zone, Collection<ZoneId> zones) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(prodId));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        TreeSet<ZoneId> all = new TreeSet<>(Comparator.comparing(ZoneId::getId));
        all.add(zone);
        all.addAll(zones);
        all.forEach(z -> calendar.add(VTimeZones.of(z)));
        return calendar;
    }

    /** The calendar as RFC 5545 text: written unfolded by ical4j, folded by octets here (see {@link IcalText}). */
    public static String write(Calendar calendar) {
        StringWriter unfolded = new StringWriter();
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE / 2).output(calendar, unfolded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Feed does not validate", e);
        }
        return IcalText.fold(unfolded.toString());
    }
}
