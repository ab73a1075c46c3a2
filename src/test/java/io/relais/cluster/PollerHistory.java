package io.relais.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who polled when, from two sources that do not trust each other, on this machine's monotonic clock (the nodes' wall
 * clocks may be set apart; a node under libfaketime has a monotonic clock of its own, shifted back onto the machine's):
 * the terms each node says it held (the {@code Poller term N begins/ends} lines of its log) and the fetches the test's feed server saw, by the address
 * they came from. The checks: no two nodes' terms overlap, and every fetch falls within a term of the node that
 * made it — so at no moment did two nodes poll.
 */
final class PollerHistory {

    private static final Pattern BEGINS = Pattern.compile("Poller term (\\d+) begins on (\\S+) \\(monotonic (\\d+) ms\\)");
    private static final Pattern ENDS = Pattern.compile("Poller term (\\d+) ends on (\\S+): .*\\(monotonic (\\d+) ms\\)");

    /** A term as its node reported it; {@code end} is when it ended, or when the node was killed, or MAX_VALUE. */
    record Term(String node, long term, long begin, long end) {
        boolean overlaps(Term other) {
            return Math.max(begin, other.begin) < Math.min(end, other.end);
        }

        @Override
        public String toString() {
            return node + " term " + term + " [" + begin + ", " + (end == Long.MAX_VALUE ? "…" : end) + "] ms";
        }
    }

    /** A fetch of the test's feed, seen by its server: which node, at what monotonic millisecond. */
    record Fetch(String node, long at) {
    }

    private PollerHistory() {
    }

    /**
     * The terms in the nodes' logs. {@code killedAt}: nodes killed by the test (they wrote no end) and when; a term
     * still open in a live node's log is open.
     */
    static List<Term> terms(Map<String, String> logs, Map<String, Long> killedAt) {
        return terms(logs, killedAt, Map.of());
    }

    /**
     * The same for nodes whose monotonic clock is not the machine's (libfaketime): {@code shifts} says what to add to
     * each one's milliseconds.
     */
    static List<Term> terms(Map<String, String> logs, Map<String, Long> killedAt, Map<String, Long> shifts) {
        List<Term> terms = new ArrayList<>();
        logs.forEach((node, log) -> {
            long shift = shifts.getOrDefault(node, 0L);
            Map<Long, Long> begins = new java.util.LinkedHashMap<>();
            Matcher begin = BEGINS.matcher(log);
            while (begin.find()) {
                begins.put(Long.parseLong(begin.group(1)), Long.parseLong(begin.group(3)) + shift);
            }
            Map<Long, Long> ends = new java.util.HashMap<>();
            Matcher end = ENDS.matcher(log);
            while (end.find()) {
                ends.put(Long.parseLong(end.group(1)), Long.parseLong(end.group(3)) + shift);
            }
            begins.forEach((term, at) -> {
                long until = ends.getOrDefault(term, killedAt.getOrDefault(node, Long.MAX_VALUE));
                terms.add(new Term(node, term, at, until));
            });
        });
        terms.sort(Comparator.comparingLong(Term::begin));
        return terms;
    }

    /**
     * What breaks "at most one node polls at any moment": overlapping terms of different nodes, and a fetch outside
     * every term of its node (named with the other node's term it fell in, if any). A fetch that arrives up to
     * {@code slackMs} after its node's term ended belongs to that term: the server sees when a request arrives, not
     * when it was sent, and a request sent in the term's last instant across a partition that heals arrives up to the
     * poller's connect timeout later (TCP sends its SYN again). Empty when the history is right.
     */
    static List<String> violations(List<Term> terms, List<Fetch> fetches, long slackMs) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            for (int j = i + 1; j < terms.size(); j++) {
                Term a = terms.get(i);
                Term b = terms.get(j);
                if (!a.node().equals(b.node()) && a.overlaps(b)) {
                    found.add("two pollers at once: " + a + " and " + b);
                }
            }
        }
        for (Fetch fetch : fetches) {
            boolean inOwnTerm = terms.stream().anyMatch(t -> t.node().equals(fetch.node())
                    && t.begin() <= fetch.at() && fetch.at() - slackMs <= t.end());   // an open term ends at MAX_VALUE
            if (!inOwnTerm) {
                found.add(fetch.node() + " fetched the feed at " + fetch.at() + " ms outside its terms");
                terms.stream().filter(t -> !t.node().equals(fetch.node())
                                && t.begin() < fetch.at() && fetch.at() < t.end())
                        .forEach(t -> found.add(fetch.node() + " fetched the feed at " + fetch.at() + " ms during " + t));
            }
        }
        return found;
    }
}
