package dev.gild.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One corpus script in one mode, and the check {@code shared/conformance/run.py} makes: stdout
 * byte for byte, the exit status, and for scripts with a {@code .err} file the last non-empty
 * stderr line (only the exception type before the first ':' when {@code .errtype-only} exists).
 * Hints are worded as run.py's so a failure reads the same in both.
 *
 * @param script   the {@code .py} file
 * @param relative its path inside the corpus, e.g. {@code threads/013_event.py}
 * @param mode     the extra command-line arguments of the mode
 */
record ConformanceCase(Path script, String relative, Mode mode) {

    /** The ways the corpus is run. {@code key} is appended to the test name and the list entry. */
    enum Mode {
        GIL("", List.of()),
        FREE_THREADED(" [gil=0]", List.of("-X", "gil=0"));

        final String suffix;
        final List<String> arguments;

        Mode(String suffix, List<String> arguments) {
            this.suffix = suffix;
            this.arguments = arguments;
        }
    }

    /** The test's name and its entry in conformance-known-failures.txt. */
    String key() {
        return relative + mode.suffix;
    }

    List<String> commandLine() {
        List<String> args = new ArrayList<>(mode.arguments);
        args.add(script.getFileName().toString());
        return args;
    }

    /** What is wrong with {@code result}; empty when the script conforms. */
    List<String> problems(GildProcess.Result result, double timeoutSeconds) {
        if (result.timedOut()) {
            return List.of("timeout after " + formatSeconds(timeoutSeconds) + "s");
        }
        byte[] wantOut;
        int wantCode;
        try {
            wantOut = Files.readAllBytes(sibling(".out"));
            wantCode = Integer.parseInt(Files.readString(sibling(".code")).strip());
        } catch (IOException | NumberFormatException e) {
            return List.of("missing/invalid expected files (" + e + "); run regen.py");
        }
        List<String> problems = new ArrayList<>();
        String gotLast = lastNonEmptyLine(new String(result.stderr(), StandardCharsets.UTF_8));
        if (!java.util.Arrays.equals(wantOut, result.stdout())) {
            problems.add(stdoutHint(wantOut, result.stdout()));
        }
        Optional<String> wantErr = expectedLastStderrLine();
        if (result.exitCode() != wantCode) {
            String hint = "exit code expected " + wantCode + " got " + result.exitCode();
            if (!gotLast.isEmpty() && wantErr.isEmpty()) {
                hint += " (stderr: " + clip(gotLast) + ")";
            }
            problems.add(hint);
        }
        if (wantErr.isPresent()) {
            String got = gotLast;
            if (Files.exists(sibling(".errtype-only"))) {
                int colon = got.indexOf(':');
                got = PythonText.strip(colon < 0 ? got : got.substring(0, colon));
            }
            if (!got.equals(wantErr.get())) {
                problems.add("last stderr line expected " + clip(wantErr.get()) + " got " + clip(got));
            }
        }
        return problems;
    }

    private Optional<String> expectedLastStderrLine() {
        Path err = sibling(".err");
        if (!Files.exists(err)) {
            return Optional.empty();
        }
        try {
            List<String> lines = PythonText.splitLines(Files.readString(err, StandardCharsets.UTF_8), false);
            return Optional.of(lines.isEmpty() ? "" : PythonText.rstrip(lines.get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path sibling(String extension) {
        String name = script.getFileName().toString();
        return script.resolveSibling(name.substring(0, name.length() - ".py".length()) + extension);
    }

    private static String lastNonEmptyLine(String stderr) {
        String last = "";
        for (String line : PythonText.splitLines(stderr, false)) {
            if (!PythonText.strip(line).isEmpty()) {
                last = PythonText.rstrip(line);
            }
        }
        return last;
    }

    private static String stdoutHint(byte[] expected, byte[] actual) {
        List<String> exp = PythonText.splitLines(new String(expected, StandardCharsets.UTF_8), true);
        List<String> act = PythonText.splitLines(new String(actual, StandardCharsets.UTF_8), true);
        for (int i = 0; i < Math.min(exp.size(), act.size()); i++) {
            if (!exp.get(i).equals(act.get(i))) {
                return "stdout line " + (i + 1) + ": expected " + clip(exp.get(i)) + " got " + clip(act.get(i));
            }
        }
        if (exp.size() != act.size()) {
            int line = Math.min(exp.size(), act.size()) + 1;
            String extra = exp.size() > act.size()
                    ? "missing " + clip(exp.get(line - 1))
                    : "extra " + clip(act.get(line - 1));
            return "stdout has " + act.size() + " lines, expected " + exp.size() + " (line " + line + ": " + extra + ")";
        }
        return "stdout differs (bytes/encoding)";
    }

    private static String clip(String text) {
        String quoted = PythonText.repr(text);
        return quoted.length() <= 70 ? quoted : quoted.substring(0, 67) + "...";
    }

    private static String formatSeconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
