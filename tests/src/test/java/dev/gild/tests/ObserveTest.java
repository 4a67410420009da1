package dev.gild.tests;

import dev.gild.lock.stats.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The observation tools end to end, on the scripts of examples/observe: --gil-stats-json and
 * --trace on real threads, the HTML timeline in headless Chromium (skipped when Chromium is not
 * installed), and gild compare on a CPU-bound and on a racy script.
 */
class ObserveTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private static Path example(String name) {
        return RepoLayout.root().resolve("examples/observe").resolve(name);
    }

    private GildProcess.Result gild(String... args) {
        GildProcess.Result result = GildProcess.run(dir, LIMIT, List.of(args));
        assertFalse(result.timedOut(), "gild " + String.join(" ", args) + " timed out");
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readJson(Path file) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Runs an example with --trace and --gil-stats-json; returns {trace, stats}. */
    private List<Map<String, Object>> traced(String script, String argument, String... lockFlags) throws IOException {
        Path trace = dir.resolve("trace.json");
        Path stats = dir.resolve("stats.json");
        List<String> args = new ArrayList<>(List.of(lockFlags));
        args.addAll(List.of("--trace", trace.toString(), "--gil-stats-json", stats.toString(),
                example(script).toString(), argument));
        GildProcess.Result result = gild(args.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderrText());
        return List.of(readJson(trace), readJson(stats));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> trace) {
        return (List<Map<String, Object>>) trace.get("traceEvents");
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> threadNames(Map<String, Object> trace) {
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> e : events(trace)) {
            if ("thread_name".equals(e.get("name"))) {
                names.put(((Number) e.get("tid")).longValue(), (String) ((Map<String, Object>) e.get("args")).get("name"));
            }
        }
        return names;
    }

    /** [tid, start, end] of the complete events whose name starts with prefix. */
    private static List<double[]> spans(Map<String, Object> trace, String prefix) {
        List<double[]> out = new ArrayList<>();
        for (Map<String, Object> e : events(trace)) {
            if ("X".equals(e.get("ph")) && ((String) e.get("name")).startsWith(prefix)) {
                double ts = ((Number) e.get("ts")).doubleValue();
                out.add(new double[] {((Number) e.get("tid")).doubleValue(), ts, ts + ((Number) e.get("dur")).doubleValue()});
            }
        }
        return out;
    }

    private static double overlapMicros(List<double[]> spans) {
        double total = 0;
        for (double[] a : spans) {
            for (double[] b : spans) {
                if (a[0] < b[0]) total += Math.max(0, Math.min(a[2], b[2]) - Math.max(a[1], b[1]));
            }
        }
        return total;
    }

    private static double sum(List<double[]> spans) {
        return spans.stream().mapToDouble(s -> s[2] - s[1]).sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> total(Map<String, Object> stats) {
        return (Map<String, Object>) stats.get("total");
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cpuBoundThreadsUnderTheGilTakeTurnsAndWaitAlmostAllTheTime() throws IOException {
        List<Map<String, Object>> out = traced("cpu_bound.py", "1500000");
        Map<String, Object> trace = out.get(0);
        Map<String, Object> stats = out.get(1);
        assertTrue(threadNames(trace).size() >= 3, "main and two counters: " + threadNames(trace));
        List<double[]> running = spans(trace, "running");
        assertEquals(0.0, overlapMicros(running), "running spans overlap under the GIL");
        assertTrue(running.size() > 10, "the two counters should take turns: " + running.size() + " spans");
        // The share counts the whole wall time, start-up and joins included, which a loaded machine
        // stretches: only require that waiting is a large part of it, not a fixed ratio.
        assertTrue(number(stats, "wait_share") > 0.25, "wait share " + stats.get("wait_share"));
        assertTrue(number(total(stats), "forced_switches") > 4, "forced switches: " + total(stats));
        for (Map<String, Object> row : (List<Map<String, Object>>) stats.get("threads")) {
            double parts = number(row, "running") + number(row, "waiting") + number(row, "blocked");
            assertEquals(number(row, "lifetime"), parts, 1e-6, "figures of " + row.get("name") + " must add up");
        }
    }

    @Test
    void withoutTheGilTheCountersRunAtTheSameTime() throws IOException {
        List<Map<String, Object>> out = traced("cpu_bound.py", "1500000", "--gil", "off");
        List<double[]> running = spans(out.get(0), "running");
        assertTrue(overlapMicros(running) > 0, "free-threaded running spans should overlap");
        assertTrue(spans(out.get(0), "waiting").isEmpty(), "nothing waits for a lock that does not exist");
        assertEquals(0.0, number(out.get(1), "wait_share"));
    }

    @Test
    void ioBoundThreadsAreMostlyBlocked() throws IOException {
        List<Map<String, Object>> out = traced("io_bound.py", "20");
        Map<String, Object> trace = out.get(0);
        double blocked = sum(spans(trace, "blocked"));
        double running = sum(spans(trace, "running"));
        double waiting = sum(spans(trace, "waiting"));
        assertTrue(blocked > running + waiting, "blocked " + blocked + " running " + running + " waiting " + waiting);
        assertTrue(events(trace).stream().anyMatch(e -> "blocked: sleep".equals(e.get("name"))),
                "sleep should be named in the blocked spans");
    }

    @Test
    void theGilStatsTableHasARowPerThreadAndATotal() {
        GildProcess.Result result = gild("--gil-stats", example("cpu_bound.py").toString(), "200000");
        assertEquals(0, result.exitCode(), result.stderrText());
        String table = result.stderrText();
        assertTrue(table.contains("gild lock statistics: fair GIL, switch interval 5ms"), table);
        assertTrue(table.contains("MainThread"), table);
        assertTrue(table.contains("total (3 threads)"), table);
    }

    @Test
    void theStatsAreReadableFromTheScript() {
        GildProcess.Result result = gild("-c", "import gild\ns = gild.stats()\n"
                + "print(s['mode'], s['policy'], s['total']['acquisitions'] >= 1, s['threads'][0]['name'])");
        assertEquals("gil fair True MainThread\n", result.stdoutText(), result.stderrText());
    }

    @Test
    void theTimelineRendersInHeadlessChromium() throws Exception {
        Map<String, Object> trace = traced("cpu_bound.py", "600000").get(0);
        int threads = threadNames(trace).size();
        Path html = dir.resolve("timeline.html");
        GildProcess.Result result = gild("timeline", dir.resolve("trace.json").toString(), "-o", html.toString());
        assertEquals(0, result.exitCode(), result.stderrText());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("fair GIL, switch interval 5ms"), "mode and interval in the title");
        assertFalse(page.contains("http://") && page.contains("<script src"), "the page must not load anything");
        assertTrue(page.contains("<table id=\"summary\">"));

        String chromium = chromium();
        assumeTrue(chromium != null, "Chromium is not installed: the rendering check is skipped");
        String dom = dumpDom(chromium, html);
        Matcher lanes = Pattern.compile("<g class=\"lane\" data-thread=\"([^\"]*)\"").matcher(dom);
        List<String> laneNames = new ArrayList<>();
        while (lanes.find()) laneNames.add(lanes.group(1));
        assertEquals(threads, laneNames.size(), "one lane per thread: " + laneNames);
        assertTrue(dom.contains("<rect class=\"running\""), "green running spans drawn");
        assertTrue(dom.contains("<rect class=\"waiting\""), "red waiting spans drawn");
        assertTrue(dom.contains("class=\"total\""), "summary total row");
        assertTrue(dom.contains("showing 0"), "the time axis window label is drawn");
    }

    private static String chromium() {
        for (String candidate : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, candidate);
                if (Files.isExecutable(p)) return p.toString();
            }
        }
        return null;
    }

    private String dumpDom(String chromium, Path html) throws IOException, InterruptedException {
        Path out = dir.resolve("dom.html");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1280,800",
                "--dump-dom", html.toUri().toString())
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.err").toFile())
                .start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void compareShowsIdenticalOutputsForADeterministicScript() {
        GildProcess.Result result = gild("compare", "--modes", "fair,off", "--runs", "1",
                example("cpu_bound.py").toString(), "300000");
        String table = result.stdoutText();
        assertEquals(0, result.exitCode(), table + result.stderrText());
        assertTrue(table.contains("speed-up"), table);
        assertTrue(Pattern.compile("(?m)^fair .* 1\\.00x .* same$").matcher(table).find(), table);
        assertTrue(Pattern.compile("(?m)^off .*x .* same$").matcher(table).find(), table);
        assertTrue(table.contains("outputs: identical across all 2 runs"), table);
    }

    @Test
    void compareFlagsTheRacyCounter() {
        GildProcess.Result result = gild("compare", "--modes", "fair,off", "--runs", "2",
                example("racy_counter.py").toString(), "100000");
        String table = result.stdoutText();
        assertEquals(1, result.exitCode(), table + result.stderrText());
        assertTrue(table.contains("likely race"), table);
        assertTrue(Pattern.compile("(?m)^\\+counter = \\d+ expected 400000$").matcher(table).find(), table);
    }
}
