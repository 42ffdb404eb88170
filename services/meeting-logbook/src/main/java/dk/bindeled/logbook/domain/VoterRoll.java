package dk.bindeled.logbook.domain;

import dk.bindeled.domain.InvalidInputException;
import dk.bindeled.domain.RuleViolationException;
import dk.bindeled.logbook.api.Events.RollEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who votes in a house council: each member organisation once, by someone of its own present, or by the member it gave
 * its proxy for this meeting. A proxy is given by a member to another member, once per meeting, and a member holds at
 * most one (so no organisation carries a bloc); it is void for a vote where the giver is present itself. The roll is made
 * when a vote opens and does not change after: who arrives later does not vote on it.
 */
public final class VoterRoll {

    public static final String PROXY_RULE = "proxy-not-allowed";
    public static final int MAX_PROXIES_HELD = 1;

    private VoterRoll() {
    }

    /** Refuses a proxy the rules do not allow, given the proxies already recorded ({@code from → to}). */
    public static void checkProxy(Collection<String> members, Map<String, String> proxies, String fromOrg, String toOrg) {
        if (fromOrg == null || toOrg == null) {
            throw new InvalidInputException(fromOrg == null ? "fromOrg" : "toOrg", "is required");
        }
        if (!members.contains(fromOrg)) {
            throw new RuleViolationException(PROXY_RULE, fromOrg + " is not a member with a vote at this meeting");
        }
        if (!members.contains(toOrg)) {
            throw new RuleViolationException(PROXY_RULE, "A proxy goes to a member with a vote: " + toOrg + " is not one");
        }
        if (fromOrg.equals(toOrg)) {
            throw new InvalidInputException("toOrg", "is the organisation giving the proxy");
        }
        if (proxies.containsKey(fromOrg)) {
            throw new RuleViolationException(PROXY_RULE, fromOrg + " has given its proxy for this meeting already, to " + proxies.get(fromOrg));
        }
        if (proxies.containsKey(toOrg)) {
            throw new RuleViolationException(PROXY_RULE, toOrg + " has given its own vote away and cannot carry another's");
        }
        long held = proxies.values().stream().filter(toOrg::equals).count();
        if (held >= MAX_PROXIES_HELD) {
            throw new RuleViolationException(PROXY_RULE, toOrg + " holds a proxy already; a member holds at most " + MAX_PROXIES_HELD);
        }
    }

    /** The roll as a vote opens: members present vote themselves; an absent member by its proxy, if that one is present. */
    public static List<RollEntry> roll(List<String> members, Set<String> present, Map<String, String> proxies) {
        List<RollEntry> roll = new ArrayList<>();
        for (String member : members) {
            if (present.contains(member)) {
                roll.add(new RollEntry(member, member));
            } else if (proxies.containsKey(member) && present.contains(proxies.get(member))) {
                roll.add(new RollEntry(member, proxies.get(member)));
            }
        }
        return List.copyOf(roll);
    }
}
