package dev.gild.lock.stats;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes the traced lock events as Chrome trace-event JSON (the JSON object form, which Perfetto's
 * UI and chrome://tracing both open): process and thread-name metadata, one track per thread,
 * complete events ("X") for the spans running / waiting / blocked (the call in the name and in
 * args.call), and thread-scoped instant events ("i") named "switch" with args.reason one of
 * interval, blocking, exit. Timestamps and durations are microseconds since the interpreter
 * started, with nanosecond decimals. {@code otherData.gild} describes the lock (mode, policy,
 * switch_interval) and the statistics at exit, for {@code gild timeline}.
 */
public final class TraceWriter {
    private TraceWriter() {}

    /** Writes the trace of every thread the monitor saw; spans still open end at {@code now}. */
    public static void write(LockMonitor monitor, String program, long now, Writer out) throws IOException {
        long pid = ProcessHandle.current().pid();
        long dropped = 0;
        List<ThreadLockStats> threads = monitor.threads();
        for (ThreadLockStats t : threads) if (t.trace != null) dropped += t.trace.dropped();
        StringBuilder line = new StringBuilder(256);
        line.append("{\"displayTimeUnit\": \"ms\",\n\"otherData\": {\"gild\": {\"program\": ");
        Json.writeString(program, line);
        line.append(", \"mode\": ");
        Json.writeString(monitor.mode(), line);
        line.append(", \"policy\": ");
        Json.writeString(monitor.policy(), line);
        line.append(", \"switch_interval\": ");
        Json.writeString(monitor.switchInterval(), line);
        line.append(", \"dropped_events\": ").append(dropped);
        line.append(", \"stats\": ");
        Json.write(monitor.snapshot().figures(), line);
        line.append("}},\n\"traceEvents\": [\n");
        line.append("{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": ").append(pid)
                .append(", \"tid\": 0, \"args\": {\"name\": ");
        Json.writeString("gild " + program + " (" + monitor.lockTitle() + ")", line);
        line.append("}}");
        out.append(line);
        Map<ThreadLockStats, String> names = LockMonitor.displayNames(threads);
        for (ThreadLockStats t : threads) {
            line.setLength(0);
            line.append(",\n{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": ").append(pid)
                    .append(", \"tid\": ").append(t.id).append(", \"args\": {\"name\": ");
            Json.writeString(names.get(t), line);
            line.append("}},\n{\"name\": \"thread_sort_index\", \"ph\": \"M\", \"pid\": ").append(pid)
                    .append(", \"tid\": ").append(t.id).append(", \"args\": {\"sort_index\": ")
                    .append(t.id).append("}}");
            out.append(line);
        }
        for (ThreadLockStats t : threads) {
            TraceBuffer events = t.trace;
            if (events == null) continue;
            for (int i = 0; i < events.size(); i++) {
                line.setLength(0);
                appendEvent(line, pid, t.id, events.kind(i), events.start(i) - monitor.startNanos,
                        events.end(i) - events.start(i), events.label(i));
                out.append(line);
            }
            int state = t.state;
            if (state != ThreadLockStats.OUTSIDE) {
                byte kind = state == ThreadLockStats.RUNNING ? TraceBuffer.RUNNING
                        : state == ThreadLockStats.WAITING ? TraceBuffer.WAITING : TraceBuffer.BLOCKED;
                line.setLength(0);
                appendEvent(line, pid, t.id, kind, t.since - monitor.startNanos, Math.max(0, now - t.since),
                        state == ThreadLockStats.BLOCKED ? t.blockedCall : null);
                out.append(line);
            }
        }
        out.append("\n]}\n");
    }

    private static void appendEvent(StringBuilder line, long pid, int tid, byte kind, long startNanos,
                                    long durationNanos, String label) {
        line.append(",\n{\"name\": ");
        switch (kind) {
            case TraceBuffer.RUNNING -> line.append("\"running\", \"cname\": \"good\"");
            case TraceBuffer.WAITING -> line.append("\"waiting\", \"cname\": \"terrible\"");
            case TraceBuffer.BLOCKED -> {
                Json.writeString("blocked: " + label, line);
                line.append(", \"cname\": \"grey\"");
            }
            default -> line.append("\"switch\"");
        }
        line.append(", \"cat\": \"gil\", \"ph\": \"").append(kind == TraceBuffer.SWITCH ? "i" : "X")
                .append("\", \"pid\": ").append(pid).append(", \"tid\": ").append(tid).append(", \"ts\": ");
        appendMicros(line, startNanos);
        if (kind == TraceBuffer.SWITCH) {
            line.append(", \"s\": \"t\", \"args\": {\"reason\": ");
            Json.writeString(label, line);
            line.append("}}");
            return;
        }
        line.append(", \"dur\": ");
        appendMicros(line, durationNanos);
        if (kind == TraceBuffer.BLOCKED) {
            line.append(", \"args\": {\"call\": ");
            Json.writeString(label, line);
            line.append('}');
        }
        line.append('}');
    }

    /** Nanoseconds as microseconds with three decimals, without floating point. */
    private static void appendMicros(StringBuilder line, long nanos) {
        long micros = nanos / 1000;
        int fraction = (int) (nanos % 1000);
        line.append(micros).append('.');
        if (fraction < 100) line.append('0');
        if (fraction < 10) line.append('0');
        line.append(fraction);
    }

    /** The statistics map a trace file carries (otherData.gild.stats), or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> statsOf(Map<String, Object> trace) {
        Object other = trace.get("otherData");
        if (!(other instanceof Map<?, ?> o) || !(o.get("gild") instanceof Map<?, ?> g)) return null;
        return g.get("stats") instanceof Map<?, ?> s ? (Map<String, Object>) s : null;
    }
}
