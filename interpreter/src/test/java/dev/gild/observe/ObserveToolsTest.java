package dev.gild.observe;

import dev.gild.lock.stats.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of timeline and compare that need no child process: JSON, the page, the diff. */
class ObserveToolsTest {
    @Test
    void jsonRoundTrips() {
        Map<String, Object> value = Map.of("a", List.of(1L, 2.5, "x\"<y\n", true), "b", Map.of());
        StringBuilder out = new StringBuilder();
        Json.write(value, out);
        assertEquals(value, Json.parse(out.toString()));
        assertTrue(out.indexOf("<") < 0, "'<' is escaped so the JSON can sit in a script element");
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertEquals(List.of(-1L, 1.5e-3, 1e300), Json.parse("[-1, 1.5e-3, 1e300]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void timelinePageCarriesTheLanesTheTitleAndTheSummary() throws Exception {
        String trace = """
                {"otherData": {"gild": {"program": "t.py", "mode": "gil", "policy": "fair", "switch_interval": "5ms",
                  "stats": {"wait_share": 0.5}}},
                 "traceEvents": [
                  {"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "MainThread"}},
                  {"name": "thread_name", "ph": "M", "pid": 1, "tid": 2, "args": {"name": "<worker>"}},
                  {"name": "running", "ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 1000},
                  {"name": "waiting", "ph": "X", "pid": 1, "tid": 2, "ts": 0, "dur": 1000},
                  {"name": "switch", "ph": "i", "pid": 1, "tid": 1, "ts": 1000, "s": "t", "args": {"reason": "interval"}},
                  {"name": "running", "ph": "X", "pid": 1, "tid": 2, "ts": 1000, "dur": 500},
                  {"name": "blocked: sleep", "ph": "X", "pid": 1, "tid": 1, "ts": 1000, "dur": 2000, "args": {"call": "sleep"}}
                 ]}""";
        String page = TimelineCommand.render((Map<String, Object>) Json.parse(trace));
        assertTrue(page.contains("<title>gild t.py \u2014 fair GIL, switch interval 5ms</title>"), page);
        assertTrue(page.contains("some thread waiting for the lock 50.0%"));
        assertTrue(page.contains("<td>&lt;worker&gt;</td><td>0.5</td><td>1.0</td><td>0.0</td>"), page);
        assertTrue(page.contains("<td>MainThread</td><td>1.0</td><td>0.0</td><td>2.0</td>"), page);
        assertTrue(page.contains("\"labels\": [\"\", \"interval\", \"sleep\"]"), page);
        assertTrue(!page.contains("<script src") && !page.contains("<link"), "self-contained");
    }

    @Test
    void diffShowsOnlyTheDifferingLines() {
        String diff = CompareCommand.lineDiff("a\nb\nc\nd\n", "a\nB\nc\nd\n", "fair run 1", "off run 2");
        assertEquals("--- fair run 1\n+++ off run 2\n@@ line 2 @@\n-b\n+B\n", diff);
    }
}
