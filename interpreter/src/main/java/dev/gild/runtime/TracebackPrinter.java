package dev.gild.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formats exceptions as CPython's default excepthook does: the chain of causes and contexts
 * first, each as "Traceback (most recent call last):", one "File ..., line N, in name" entry per
 * frame with its source line and, as in 3.11, markers under the part of it that raised
 * ({@link TracebackCarets}), then "Type: message".
 */
public final class TracebackPrinter {
    private static final Map<String, List<String>> SOURCE_CACHE = new ConcurrentHashMap<>();

    private TracebackPrinter() {}

    public static void print(InterpreterState interp, PyBaseException e) {
        String text = format(e);
        interp.flushAll();
        Object err = interp.currentStderr();
        if (err instanceof PyTextStream s) {
            s.write(text);
            s.flush();
        } else {
            try {
                Ops.call(Ops.getattr(err, "write"), text);
            } catch (PyException ignored) {
                interp.stderr.write(text);
                interp.stderr.flush();
            }
        }
    }

    public static String format(PyBaseException e) {
        StringBuilder sb = new StringBuilder();
        formatChain(sb, e, new IdentityHashMap<>());
        return sb.toString();
    }

    private static void formatChain(StringBuilder sb, PyBaseException e, IdentityHashMap<Object, Boolean> seen) {
        seen.put(e, Boolean.TRUE);
        if (e.cause instanceof PyBaseException cause && !seen.containsKey(cause)) {
            formatChain(sb, cause, seen);
            sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (!e.suppressContext && e.context instanceof PyBaseException ctx && !seen.containsKey(ctx)) {
            formatChain(sb, ctx, seen);
            sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        formatOne(sb, e);
    }

    private static void formatOne(StringBuilder sb, PyBaseException e) {
        if (e.traceback != null) {
            sb.append("Traceback (most recent call last):\n");
            for (PyTraceback tb = e.traceback; tb != null; tb = tb.next) {
                sb.append("  File \"").append(tb.filename).append("\", line ").append(tb.line)
                        .append(", in ").append(tb.function).append('\n');
                String line = sourceLine(tb.filename, tb.line);
                if (line != null && !line.isBlank()) {
                    sb.append("    ").append(line.strip()).append('\n');
                    String markers = TracebackCarets.markers(line, tb.line, tb.endLine, tb.col, tb.endCol);
                    if (markers != null) sb.append("    ").append(markers).append('\n');
                }
            }
        }
        if (e.isInstance(PyExc.SyntaxError)) formatSyntaxError(sb, e);
        sb.append(exceptionLine(e)).append('\n');
        Object notes = e.attr("__notes__");
        if (notes instanceof PyList l) {
            for (int i = 0; i < l.size; i++) sb.append(Ops.str(l.items[i])).append('\n');
        }
    }

    public static void formatSyntaxError(StringBuilder sb, PyBaseException e) {
        Object filename = e.attr("filename");
        Object lineno = e.attr("lineno");
        if (filename == null || filename == Py.None) return;
        sb.append("  File \"").append(Ops.str(filename)).append("\"");
        if (lineno instanceof Long n) sb.append(", line ").append(n);
        sb.append('\n');
        Object text = e.attr("text");
        if (text instanceof String t) {
            String stripped = t.stripTrailing();
            int lead = stripped.length() - stripped.stripLeading().length();
            String shown = stripped.strip();
            sb.append("    ").append(shown).append('\n');
            Object offset = e.attr("offset");
            Object endOffset = e.attr("end_offset");
            Object endLine = e.attr("end_lineno");
            if (offset instanceof Long off && off > 0) {
                int start = (int) Math.max(0, off - 1 - lead);
                int width = 1;
                if (endOffset instanceof Long eo && endLine instanceof Long el && lineno instanceof Long ln
                        && el.longValue() == ln.longValue() && eo > off) {
                    width = (int) (eo - off);
                }
                start = Math.min(start, shown.length());
                width = Math.max(1, Math.min(width, Math.max(1, shown.length() - start)));
                sb.append("    ").append(" ".repeat(start)).append("^".repeat(width)).append('\n');
            }
        }
    }

    /** "Type: message" (or just "Type"), with the module prefix CPython shows for non-builtin classes. */
    public static String exceptionLine(PyBaseException e) {
        PyType t = e.getType();
        String module = t.getModuleName();
        String name = "builtins".equals(module) || "__main__".equals(module) ? t.getQualname() : module + "." + t.getQualname();
        String msg;
        try {
            msg = Ops.str(e);
        } catch (PyException ex) {
            msg = "<exception str() failed>";
        }
        if (e.isInstance(PyExc.SyntaxError)) {
            Object m = e.attr("msg");
            if (m != null && m != Py.None) msg = Ops.str(m);
        }
        return msg.isEmpty() ? name : name + ": " + msg;
    }

    public static String sourceLine(String filename, int line) {
        if (filename == null || filename.startsWith("<") && !filename.startsWith("<gild>")) return null;
        List<String> lines = SOURCE_CACHE.computeIfAbsent(filename, TracebackPrinter::readLines);
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }

    private static List<String> readLines(String filename) {
        try {
            if (filename.startsWith("<gild>/")) {
                try (var in = TracebackPrinter.class.getResourceAsStream("/dev/gild/lib/" + filename.substring(7))) {
                    if (in == null) return List.of();
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                }
            }
            return Files.readAllLines(Path.of(filename), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
