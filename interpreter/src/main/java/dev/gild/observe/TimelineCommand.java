package dev.gild.observe;

import dev.gild.lock.stats.Json;
import dev.gild.lock.stats.LockMonitor;
import dev.gild.lock.stats.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code gild timeline TRACE.json -o TIMELINE.html}: turns a {@code --trace} file into one
 * self-contained HTML page (inline script and style, no network): a lane per thread drawn in SVG
 * in the style of David Beazley's GIL plots (green running, red waiting, grey blocked) with a
 * zoomable time axis, and a summary table per thread. The page's data is the trace's spans, sorted
 * per thread; the summary is computed here so the page shows it even without script.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Draw a --trace file as a self-contained HTML timeline (one lane per thread:"
                + " green running, red waiting for the lock, grey blocked).")
public final class TimelineCommand implements Callable<Integer> {
    static final int KIND_RUNNING = 0;
    static final int KIND_WAITING = 1;
    static final int KIND_BLOCKED = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE.json", description = "A trace written by gild --trace.")
    Path trace;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
            description = "Where to write the page. Default: the trace's path with .html in place of .json.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> parsed;
        try {
            Object root = Json.parse(Files.readString(trace, StandardCharsets.UTF_8));
            if (!(root instanceof Map<?, ?>)) throw new IllegalArgumentException("not a trace-event JSON object");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) root;
            parsed = map;
        } catch (IOException e) {
            err.println("gild timeline: cannot read " + trace + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("gild timeline: " + trace + ": " + e.getMessage());
            return 2;
        }
        Path target = output != null ? output : defaultOutput(trace);
        try {
            Files.writeString(target, render(parsed), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("gild timeline: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static Path defaultOutput(Path trace) {
        String name = trace.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return trace.resolveSibling(stem + ".html");
    }

    /** One thread's lane: spans [kind, start, end, label] and switches [time, label], times in microseconds. */
    static final class Lane {
        final String name;
        final List<double[]> spans = new ArrayList<>();
        final List<double[]> switches = new ArrayList<>();
        final double[] totals = new double[3];
        double longestWait;
        long forcedSwitches;

        Lane(String name) { this.name = name; }
    }

    static String render(Map<String, Object> trace) throws IOException {
        Map<Long, Lane> lanes = new TreeMap<>();
        List<String> labels = new ArrayList<>();
        Map<String, Integer> labelIds = new LinkedHashMap<>();
        double start = Double.MAX_VALUE;
        double end = 0;
        Object events = trace.get("traceEvents");
        if (!(events instanceof List<?> list)) throw new IllegalArgumentException("no traceEvents list");
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> e)) continue;
            long tid = e.get("tid") instanceof Number n ? n.longValue() : 0;
            String ph = String.valueOf(e.get("ph"));
            String name = String.valueOf(e.get("name"));
            Map<?, ?> args = e.get("args") instanceof Map<?, ?> a ? a : Map.of();
            if (ph.equals("M")) {
                if (name.equals("thread_name")) lanes.put(tid, new Lane(String.valueOf(args.get("name"))));
                continue;
            }
            double ts = e.get("ts") instanceof Number n ? n.doubleValue() : 0;
            Lane lane = lanes.computeIfAbsent(tid, id -> new Lane("thread " + id));
            if (ph.equals("X")) {
                double dur = e.get("dur") instanceof Number n ? n.doubleValue() : 0;
                int kind;
                String label = "";
                if (name.equals("running")) kind = KIND_RUNNING;
                else if (name.equals("waiting")) kind = KIND_WAITING;
                else if (name.startsWith("blocked")) {
                    kind = KIND_BLOCKED;
                    label = args.get("call") != null ? String.valueOf(args.get("call")) : name;
                } else continue;
                lane.spans.add(new double[] {kind, ts, ts + dur, labelId(label, labels, labelIds)});
                lane.totals[kind] += dur;
                if (kind == KIND_WAITING) lane.longestWait = Math.max(lane.longestWait, dur);
                start = Math.min(start, ts);
                end = Math.max(end, ts + dur);
            } else if (ph.equals("i") || ph.equals("I")) {
                String reason = args.get("reason") != null ? String.valueOf(args.get("reason")) : name;
                if (reason.equals("interval")) lane.forcedSwitches++;
                lane.switches.add(new double[] {ts, labelId(reason, labels, labelIds)});
            }
        }
        if (start == Double.MAX_VALUE) start = 0;
        List<Lane> shown = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            if (lane.spans.isEmpty() && lane.switches.isEmpty()) continue;
            lane.spans.sort((a, b) -> Double.compare(a[1], b[1]));
            lane.switches.sort((a, b) -> Double.compare(a[0], b[0]));
            shown.add(lane);
        }
        Map<?, ?> gild = trace.get("otherData") instanceof Map<?, ?> other && other.get("gild") instanceof Map<?, ?> g ? g : Map.of();
        String title = title(gild);
        String subtitle = subtitle(gild, TraceWriter.statsOf(trace), shown.size(), end - start);

        StringBuilder data = new StringBuilder();
        data.append("{\"start\": ");
        appendNumber(data, start);
        data.append(", \"end\": ");
        appendNumber(data, end);
        data.append(", \"labels\": ");
        Json.write(labels, data);
        data.append(", \"threads\": [");
        for (int i = 0; i < shown.size(); i++) {
            Lane lane = shown.get(i);
            if (i > 0) data.append(",\n");
            data.append("{\"name\": ");
            Json.writeString(lane.name, data);
            data.append(", \"spans\": [");
            for (int k = 0; k < lane.spans.size(); k++) {
                double[] s = lane.spans.get(k);
                if (k > 0) data.append(',');
                data.append('[').append((int) s[0]).append(',');
                appendNumber(data, s[1]);
                data.append(',');
                appendNumber(data, s[2]);
                data.append(',').append((int) s[3]).append(']');
            }
            data.append("], \"switches\": [");
            for (int k = 0; k < lane.switches.size(); k++) {
                double[] s = lane.switches.get(k);
                if (k > 0) data.append(',');
                data.append('[');
                appendNumber(data, s[0]);
                data.append(',').append((int) s[1]).append(']');
            }
            data.append("]}");
        }
        data.append("]}");

        String template;
        try (InputStream in = TimelineCommand.class.getResourceAsStream("/dev/gild/observe/timeline.html")) {
            if (in == null) throw new IOException("the page template is missing from the jar");
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replace("/*TITLE*/", escape(title))
                .replace("/*SUBTITLE*/", escape(subtitle))
                .replace("/*SUMMARY*/", summaryTable(shown))
                .replace("/*DATA*/", data.toString());
    }

    private static int labelId(String label, List<String> labels, Map<String, Integer> ids) {
        return ids.computeIfAbsent(label, l -> {
            labels.add(l);
            return labels.size() - 1;
        });
    }

    /** Microseconds with at most three decimals. */
    private static void appendNumber(StringBuilder out, double micros) {
        double rounded = Math.round(micros * 1000) / 1000.0;
        if (rounded == Math.rint(rounded)) out.append((long) rounded);
        else out.append(rounded);
    }

    static String title(Map<?, ?> gild) {
        Object program = gild.get("program");
        String lock = gild.get("mode") != null
                ? LockMonitor.lockTitle(String.valueOf(gild.get("mode")), String.valueOf(gild.get("policy")),
                        String.valueOf(gild.get("switch_interval")))
                : "lock mode unknown";
        return "gild " + (program != null ? program : "trace") + " \u2014 " + lock;
    }

    private static String subtitle(Map<?, ?> gild, Map<String, Object> stats, int threads, double spanMicros) {
        StringBuilder s = new StringBuilder();
        s.append(threads).append(threads == 1 ? " thread" : " threads").append(", ")
                .append(String.format(Locale.ROOT, "%.1f ms traced", spanMicros / 1000));
        if (stats != null && stats.get("wait_share") instanceof Number share) {
            s.append(String.format(Locale.ROOT, ", some thread waiting for the lock %.1f%% of the time",
                    100 * share.doubleValue()));
        }
        if (gild.get("dropped_events") instanceof Number dropped && dropped.longValue() > 0) {
            s.append(", ").append(dropped.longValue()).append(" events dropped (buffer full)");
        }
        return s.toString();
    }

    private static String summaryTable(List<Lane> lanes) {
        StringBuilder t = new StringBuilder();
        t.append("<table id=\"summary\">\n<thead><tr><th>thread</th><th>running ms</th><th>waiting ms</th>"
                + "<th>blocked ms</th><th>running %</th><th>waiting %</th><th>blocked %</th>"
                + "<th>forced switches</th><th>longest wait ms</th></tr></thead>\n<tbody>\n");
        Lane total = new Lane("total");
        for (Lane lane : lanes) {
            summaryRow(t, lane, "");
            for (int k = 0; k < 3; k++) total.totals[k] += lane.totals[k];
            total.forcedSwitches += lane.forcedSwitches;
            total.longestWait = Math.max(total.longestWait, lane.longestWait);
        }
        summaryRow(t, total, " class=\"total\"");
        return t.append("</tbody>\n</table>").toString();
    }

    private static void summaryRow(StringBuilder t, Lane lane, String rowClass) {
        double sum = lane.totals[0] + lane.totals[1] + lane.totals[2];
        t.append("<tr").append(rowClass).append("><td>").append(escape(lane.name)).append("</td>");
        for (int k = 0; k < 3; k++) t.append(String.format(Locale.ROOT, "<td>%.1f</td>", lane.totals[k] / 1000));
        for (int k = 0; k < 3; k++) {
            t.append(String.format(Locale.ROOT, "<td>%.1f</td>", sum > 0 ? 100 * lane.totals[k] / sum : 0.0));
        }
        t.append("<td>").append(lane.forcedSwitches).append("</td>")
                .append(String.format(Locale.ROOT, "<td>%.2f</td>", lane.longestWait / 1000)).append("</tr>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
