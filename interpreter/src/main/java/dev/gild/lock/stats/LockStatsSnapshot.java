package dev.gild.lock.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lock figures at one moment: per thread and in total, as a tree of maps and lists of
 * String, Long, Double and Boolean (times in seconds) that {@code gild.stats()} turns into a dict
 * and {@link #toJson} into JSON, and as the table {@code --gil-stats} prints.
 */
public final class LockStatsSnapshot {
    /** Past this many threads the table shows the busiest ones and sums up the rest. */
    private static final int TABLE_THREADS = 30;

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Map<String, Object>> threadRows = new ArrayList<>();
    private final Map<String, Object> total;

    LockStatsSnapshot(LockMonitor monitor, long now) {
        double wall = seconds(now - monitor.startNanos);
        figures.put("mode", monitor.mode());
        figures.put("policy", monitor.policy());
        figures.put("switch_interval", monitor.switchInterval());
        figures.put("wall", wall);
        long someoneWaiting = monitor.someoneWaitingNanos(now);
        figures.put("wait_share", wall > 0 ? Math.min(1.0, seconds(someoneWaiting) / wall) : 0.0);
        WaitHistogram allWaits = new WaitHistogram();
        Accumulator sum = new Accumulator();
        List<ThreadLockStats> seen = monitor.threads();
        Map<ThreadLockStats, String> names = LockMonitor.displayNames(seen);
        for (ThreadLockStats t : seen) {
            Accumulator one = new Accumulator();
            one.add(t, now);
            sum.addAll(one);
            t.waits.addTo(allWaits);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", names.get(t));
            row.put("id", (long) t.id);
            row.put("alive", t.state != ThreadLockStats.OUTSIDE && t.thread.isAlive());
            one.putInto(row, t.waits);
            threadRows.add(row);
        }
        total = new LinkedHashMap<>();
        total.put("name", "total");
        total.put("threads", (long) threadRows.size());
        sum.putInto(total, allWaits);
        figures.put("threads", threadRows);
        figures.put("total", total);
    }

    private static double seconds(long nanos) { return nanos / 1e9; }

    /** Sums of the per-thread counters; one per thread and one for the total. */
    private static final class Accumulator {
        long lifetime, running, waiting, blocked, acquisitions, forced, voluntary, longestWait;
        final Map<String, long[]> blockedByCall = new TreeMap<>();

        void add(ThreadLockStats t, long now) {
            int state = t.state;
            long inState = state == ThreadLockStats.OUTSIDE ? 0 : Math.max(0, now - t.since);
            lifetime += (state == ThreadLockStats.OUTSIDE ? t.lastSeen : now) - t.firstSeen;
            running += t.runningNanos + (state == ThreadLockStats.RUNNING ? inState : 0);
            waiting += t.waitingNanos + (state == ThreadLockStats.WAITING ? inState : 0);
            blocked += t.blockedNanos + (state == ThreadLockStats.BLOCKED ? inState : 0);
            acquisitions += t.acquisitions;
            forced += t.forcedSwitches;
            voluntary += t.voluntaryReleases;
            longestWait = Math.max(longestWait, t.longestWait);
            for (Map.Entry<String, long[]> e : t.blockedByCall.entrySet()) {
                long[] into = blockedByCall.computeIfAbsent(e.getKey(), k -> new long[2]);
                into[0] += e.getValue()[0];
                into[1] += e.getValue()[1];
            }
            if (state == ThreadLockStats.BLOCKED && t.blockedCall != null) {
                long[] into = blockedByCall.computeIfAbsent(t.blockedCall, k -> new long[2]);
                into[0] += inState;
                into[1]++;
            }
        }

        void addAll(Accumulator o) {
            lifetime += o.lifetime;
            running += o.running;
            waiting += o.waiting;
            blocked += o.blocked;
            acquisitions += o.acquisitions;
            forced += o.forced;
            voluntary += o.voluntary;
            longestWait = Math.max(longestWait, o.longestWait);
            for (Map.Entry<String, long[]> e : o.blockedByCall.entrySet()) {
                long[] into = blockedByCall.computeIfAbsent(e.getKey(), k -> new long[2]);
                into[0] += e.getValue()[0];
                into[1] += e.getValue()[1];
            }
        }

        void putInto(Map<String, Object> row, WaitHistogram waits) {
            row.put("lifetime", seconds(lifetime));
            row.put("running", seconds(running));
            row.put("waiting", seconds(waiting));
            row.put("blocked", seconds(blocked));
            Map<String, Object> calls = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : blockedByCall.entrySet()) calls.put(e.getKey(), seconds(e.getValue()[0]));
            row.put("blocked_by_call", calls);
            Map<String, Object> callCounts = new LinkedHashMap<>();
            for (Map.Entry<String, long[]> e : blockedByCall.entrySet()) callCounts.put(e.getKey(), e.getValue()[1]);
            row.put("blocking_calls", callCounts);
            row.put("acquisitions", acquisitions);
            row.put("forced_switches", forced);
            row.put("voluntary_releases", voluntary);
            row.put("waits", waits.samples());
            row.put("longest_wait", seconds(longestWait));
            row.put("wait_p50", waits.percentile(0.50) / 1e9);
            row.put("wait_p99", waits.percentile(0.99) / 1e9);
        }
    }

    /** The figures as nested maps and lists (see the class comment). */
    public Map<String, Object> figures() { return figures; }

    public List<Map<String, Object>> threads() { return threadRows; }

    public Map<String, Object> total() { return total; }

    public String toJson() {
        StringBuilder out = new StringBuilder();
        Json.write(figures, out);
        return out.append('\n').toString();
    }

    /**
     * The {@code --gil-stats} table: a heading line with the lock and the wait share, one row per
     * thread (the busiest {@value #TABLE_THREADS} when there are more) and a total row, times in
     * milliseconds, then the blocked time per call.
     */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        double wall = (Double) figures.get("wall");
        out.append("gild lock statistics: ").append(describeLock())
                .append(String.format(Locale.ROOT, ", wall %.3f s, some thread waiting %.1f%% of the time%n",
                        wall, 100 * (Double) figures.get("wait_share")));
        String header = String.format(Locale.ROOT, "%-24s %11s %11s %11s %9s %8s %9s %9s %9s %9s%n",
                "thread", "running ms", "waiting ms", "blocked ms", "acquired", "forced", "voluntary",
                "max wait", "p50 wait", "p99 wait");
        out.append(header);
        List<Map<String, Object>> shown = new ArrayList<>(threadRows);
        if (shown.size() > TABLE_THREADS) {
            shown.sort((a, b) -> Double.compare((Double) b.get("lifetime"), (Double) a.get("lifetime")));
            shown = shown.subList(0, TABLE_THREADS);
        }
        for (Map<String, Object> row : shown) appendRow(out, row, (String) row.get("name"));
        if (shown.size() < threadRows.size()) {
            out.append("... ").append(threadRows.size() - shown.size()).append(" more threads\n");
        }
        appendRow(out, total, "total (" + threadRows.size() + (threadRows.size() == 1 ? " thread)" : " threads)"));
        @SuppressWarnings("unchecked")
        Map<String, Object> calls = (Map<String, Object>) total.get("blocked_by_call");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) total.get("blocking_calls");
        if (!calls.isEmpty()) {
            out.append("blocked in:");
            String separator = " ";
            for (Map.Entry<String, Object> e : calls.entrySet()) {
                out.append(separator).append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.1f ms", 1000 * (Double) e.getValue()))
                        .append(" (").append(counts.get(e.getKey())).append(" calls)");
                separator = ", ";
            }
            out.append('\n');
        }
        out.append("wait times (max, p50, p99) in ms over the waits that queued for the lock\n");
        return out.toString();
    }

    private String describeLock() {
        return LockMonitor.lockTitle((String) figures.get("mode"), (String) figures.get("policy"),
                (String) figures.get("switch_interval"));
    }

    private static void appendRow(StringBuilder out, Map<String, Object> row, String name) {
        String shownName = name.length() > 24 ? name.substring(0, 23) + "~" : name;
        out.append(String.format(Locale.ROOT, "%-24s %11.1f %11.1f %11.1f %9d %8d %9d %9.2f %9.2f %9.2f%n",
                shownName, ms(row, "running"), ms(row, "waiting"), ms(row, "blocked"),
                (Long) row.get("acquisitions"), (Long) row.get("forced_switches"),
                (Long) row.get("voluntary_releases"), ms(row, "longest_wait"), ms(row, "wait_p50"),
                ms(row, "wait_p99")));
    }

    private static double ms(Map<String, Object> row, String key) {
        return 1000 * (Double) row.get(key);
    }
}
