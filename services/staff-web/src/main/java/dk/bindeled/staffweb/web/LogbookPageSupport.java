package dk.bindeled.staffweb.web;

import dk.bindeled.staffweb.domain.DanishText;
import dk.bindeled.staffweb.integration.out.Answers;
import dk.bindeled.staffweb.integration.out.PartnerRegistry;
import dk.bindeled.staffweb.integration.out.RoomBooking;
import dk.bindeled.staffweb.integration.out.ServiceRefusal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the logbook's pages share: the partners' names and the houses' rooms as the other services know them, a change
 * asked of the logbook with its notice or its refusal in Danish, and reading the logbook's JSON.
 */
@org.springframework.stereotype.Component
class LogbookPageSupport {

    private final PartnerRegistry registry;
    private final RoomBooking rooms;

    LogbookPageSupport(PartnerRegistry registry, RoomBooking rooms) {
        this.registry = registry;
        this.rooms = rooms;
    }


    /** The rooms of every house, for the meeting's room: "Salen (Kvarterhuset på Motalavej)". */
    Map<String, String> roomChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Map<String, Object> centre : rooms.centres()) {
            Map<String, Object> full = rooms.centre(String.valueOf(centre.get("id")));
            for (Map<String, Object> resource : listed(full, "resources")) {
                if ("ROOM".equals(resource.get("kind"))) {
                    choices.put(String.valueOf(resource.get("id")), resource.get("name") + " (" + full.get("name") + ")");
                }
            }
        }
        return choices;
    }

    /** The partners' names for these ids, each asked once; an id the registry does not know shows as such. */
    Map<String, String> names(List<?> ids) {
        Map<String, String> names = new HashMap<>();
        for (Object id : ids) {
            if (id != null && !names.containsKey(id.toString())) {
                try {
                    names.put(id.toString(), String.valueOf(registry.partner(id.toString()).get("name")));
                } catch (ServiceRefusal unknown) {
                    names.put(id.toString(), "Ukendt aktør");
                }
            }
        }
        return Answers.lenient(names);
    }

    static String at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(Objects.toString(time, ""))).atZone(DanishText.COPENHAGEN).toInstant().toString();
    }

    static void change(RedirectAttributes redirect, Runnable change, String notice, String refused) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ServiceRefusal refusal) {
            refusedOrThrow(refusal, redirect, refused);
        }
    }

    /** A refusal told on the page; a 403 or 404 is the error page, as for a meeting the user may not see. */
    static void refusedOrThrow(ServiceRefusal refusal, RedirectAttributes redirect, String refused) {
        if (refusal.status() == 403 || refusal.status() == 404 && !"validation".equals(refusal.type())) {
            throw refusal;
        }
        redirect.addFlashAttribute("problem", refused + BookingPages.problemText(refusal));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listed(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
