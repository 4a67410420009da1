package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.cli.LaunchOptions;
import dev.gild.cli.LaunchOptions.GilMode;
import dev.gild.cli.LaunchOptions.GilPolicy;
import dev.gild.cli.LaunchOptions.PreemptAt;
import dev.gild.cli.Main;
import dev.gild.cli.SwitchInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line surface: parsing into {@link LaunchOptions} (in process, with the launch step
 * replaced), and what a user sees for good and bad input (in a child JVM, as ./gild runs it).
 */
class CliTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    /** One in-process run: the exit status, what was printed, and what would have been launched. */
    private record Parsed(int exitCode, String out, String err, LaunchOptions options) {}

    private Parsed parse(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        LaunchOptions[] launched = new LaunchOptions[1];
        int exitCode = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), options -> {
            launched[0] = options;
            return 0;
        });
        return new Parsed(exitCode, out.toString(), err.toString(), launched[0]);
    }

    private String script(String name) throws IOException {
        return Files.writeString(workDir.resolve(name), "print('hi')\n").toString();
    }

    private static void assertNoJavaTrace(String stderr) {
        assertFalse(stderr.contains("Exception"), () -> "stderr mentions an exception:\n" + stderr);
        assertFalse(stderr.contains("\tat "), () -> "stderr holds a stack trace:\n" + stderr);
    }

    @Test
    void unknownOptionBeforeTheScriptIsAOneLineErrorWithExitStatus2() throws IOException {
        String script = script("x.py");
        GildProcess.Result result = GildProcess.run(workDir, TIMEOUT, List.of("--foo", script));
        List<String> lines = result.stderrText().lines().toList();
        assertAll(
                () -> assertEquals(2, result.exitCode()),
                () -> assertEquals("gild: error: unrecognized option '--foo'", lines.get(0)),
                () -> assertTrue(lines.size() <= 2, () -> "more than an error and a hint:\n" + result.stderrText()),
                () -> assertNoJavaTrace(result.stderrText()),
                () -> assertEquals("", result.stdoutText()));
    }

    @Test
    void dashMRunsAModuleAsMainAndAPackageThroughItsMainSubmodule() throws IOException {
        Files.writeString(workDir.resolve("tool.py"),
                "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('tool.py'))\n");
        Files.createDirectories(workDir.resolve("app"));
        Files.writeString(workDir.resolve("app/__init__.py"), "print('init', __name__)\n");
        Files.writeString(workDir.resolve("app/__main__.py"), "print('main', __name__, __package__)\n");
        GildProcess.Result module = GildProcess.run(workDir, TIMEOUT, List.of("-m", "tool", "x", "-v"));
        GildProcess.Result pkg = GildProcess.run(workDir, TIMEOUT, List.of("-m", "app"));
        assertAll(
                () -> assertEquals("__main__ ['x', '-v'] True\n", module.stdoutText()),
                () -> assertEquals("init app\nmain __main__ app\n", pkg.stdoutText()),
                () -> assertEquals(0, pkg.exitCode()));
    }

    @Test
    void dashMWithoutSuchAModuleIsCPythonsOneLineError() {
        GildProcess.Result result = GildProcess.run(workDir, TIMEOUT, List.of("-m", "no_such_module_here"));
        assertAll(
                () -> assertEquals(1, result.exitCode()),
                () -> assertEquals("gild: No module named no_such_module_here\n", result.stderrText()),
                () -> assertNoJavaTrace(result.stderrText()));
    }

    @Test
    void versionPrintsTheBanner() {
        GildProcess.Result result = GildProcess.run(workDir, TIMEOUT, List.of("--version"));
        assertEquals(0, result.exitCode());
        assertEquals("Gild 0.1.0 (Python 3.11 compatible)\n", result.stdoutText());
    }

    @Test
    void missingScriptIsReportedAsCPythonDoes() {
        GildProcess.Result result = GildProcess.run(workDir, TIMEOUT, List.of("nope.py", "arg"));
        Path absolute = workDir.resolve("nope.py").toAbsolutePath();
        assertEquals(2, result.exitCode());
        assertEquals("gild: can't open file '" + absolute + "': [Errno 2] No such file or directory\n",
                result.stderrText());
    }

    @Test
    void helpNamesEveryOptionAndTheSubcommand() {
        Parsed parsed = parse("--help");
        assertEquals(0, parsed.exitCode());
        for (String option : List.of("-c", "-m", "--gil", "--gil-policy", "--switch-interval", "--preempt-at",
                "--gil-stats", "--trace", "--schedule", "-X", "--version", "--help", "compile")) {
            assertTrue(parsed.out().contains(option), () -> "help does not mention " + option + ":\n" + parsed.out());
        }
        assertTrue(parsed.out().startsWith("Usage: gild [options] [script.py | -c CODE | -m MODULE | -] [args...]"),
                parsed.out());
    }

    @Test
    void argumentsAfterTheScriptGoToSysArgvEvenWhenTheyLookLikeOptions() throws IOException {
        String script = script("s.py");
        Parsed parsed = parse("--gil-stats", script, "--gil", "off", "--", "-c", "--foo");
        assertEquals(0, parsed.exitCode(), parsed.err());
        assertEquals(new LaunchOptions.Script(Path.of(script)), parsed.options().program());
        assertEquals(List.of(script, "--gil", "off", "--", "-c", "--foo"), parsed.options().argv());
        assertEquals(GilMode.on, parsed.options().gil());
        assertTrue(parsed.options().gilStats());
    }

    @Test
    void dashCTakesTheCodeAndEndsTheOptionList() {
        Parsed parsed = parse("-c", "print(1)", "a", "-b", "--", "c");
        assertEquals(new LaunchOptions.Code("print(1)"), parsed.options().program());
        assertEquals(List.of("-c", "a", "-b", "--", "c"), parsed.options().argv());
    }

    @Test
    void dashMTakesTheModuleAndEndsTheOptionList() {
        Parsed parsed = parse("-m", "json.tool", "--sort-keys");
        assertEquals(new LaunchOptions.Module("json.tool"), parsed.options().program());
        assertEquals(List.of("-m", "--sort-keys"), parsed.options().argv());
    }

    @Test
    void aDashOrNoProgramReadsStdin() {
        Parsed dash = parse("-", "a", "-b");
        assertInstanceOf(LaunchOptions.Stdin.class, dash.options().program());
        assertEquals(List.of("-", "a", "-b"), dash.options().argv());
        Parsed nothing = parse();
        assertInstanceOf(LaunchOptions.Stdin.class, nothing.options().program());
        assertEquals(List.of(""), nothing.options().argv());
    }

    @Test
    void lockOptionsAreParsedIntoTheirTypes() throws IOException {
        String script = script("t.py");
        Parsed parsed = parse("--switch-interval", "500us", "--preempt-at", "backedge", "--gil-policy", "legacy",
                "--trace", "lock.trace", "--schedule", "random:7", "-X", "dev", "-Xutf8=1", script);
        LaunchOptions options = parsed.options();
        assertAll(
                () -> assertEquals(SwitchInterval.ofNanos(500_000), options.switchInterval()),
                () -> assertEquals(PreemptAt.backedge, options.preemptAt()),
                () -> assertEquals(GilPolicy.legacy, options.gilPolicy()),
                () -> assertEquals(Path.of("lock.trace"), options.trace().orElseThrow()),
                () -> assertEquals("random:7", options.schedule().orElseThrow()),
                () -> assertEquals(Map.of("dev", LaunchOptions.X_OPTION_WITHOUT_VALUE, "utf8", "1"), options.xOptions()),
                () -> assertFalse(options.isCompileOnly()));
    }

    @Test
    void optionValuesMayBeAttachedWithEquals() throws IOException {
        String script = script("e.py");
        LaunchOptions options = parse("--gil=off", "--switch-interval=100", "-Xfoo=bar", script).options();
        assertEquals(GilMode.off, options.gil());
        assertEquals(SwitchInterval.ofInstructions(100), options.switchInterval());
        assertEquals(Map.of("foo", "bar"), options.xOptions());
    }

    @Test
    void defaultsFollowCPython() throws IOException {
        LaunchOptions options = parse(script("d.py")).options();
        assertAll(
                () -> assertEquals(GilMode.on, options.gil()),
                () -> assertEquals(GilPolicy.fair, options.gilPolicy()),
                () -> assertEquals(SwitchInterval.ofNanos(5_000_000), options.switchInterval()),
                () -> assertEquals(PreemptAt.instruction, options.preemptAt()),
                () -> assertFalse(options.gilStats()),
                () -> assertTrue(options.trace().isEmpty()),
                () -> assertTrue(options.schedule().isEmpty()));
    }

    @Test
    void xGilZeroTurnsTheLockOffAndMustAgreeWithDashDashGil() throws IOException {
        String script = script("g.py");
        assertEquals(GilMode.off, parse("-X", "gil=0", script).options().gil());
        assertEquals(GilMode.off, parse("--gil", "off", "-X", "gil=0", script).options().gil());
        Parsed conflict = parse("--gil", "on", "-X", "gil=0", script);
        assertEquals(2, conflict.exitCode());
        assertNull(conflict.options());
        assertTrue(conflict.err().startsWith("gild: error: --gil on contradicts -X gil=0\n"), conflict.err());
        Parsed badValue = parse("-X", "gil=2", script);
        assertEquals(2, badValue.exitCode());
        assertTrue(badValue.err().startsWith("gild: error: -X gil must be 0 or 1"), badValue.err());
    }

    @Test
    void badValuesAreOneLineErrorsWithExitStatus2() throws IOException {
        String script = script("b.py");
        for (String[] args : List.of(
                new String[] {"--switch-interval", "fast", script},
                new String[] {"--switch-interval", "0", script},
                new String[] {"--preempt-at", "sometimes", script},
                new String[] {"--gil", "maybe", script},
                new String[] {"-c"})) {
            Parsed parsed = parse(args);
            List<String> lines = parsed.err().lines().toList();
            assertAll(String.join(" ", args),
                    () -> assertEquals(2, parsed.exitCode()),
                    () -> assertTrue(lines.get(0).startsWith("gild: error: "), parsed.err()),
                    () -> assertEquals("Try 'gild --help' for more information.", lines.get(1)),
                    () -> assertEquals(2, lines.size(), parsed.err()),
                    () -> assertNoJavaTrace(parsed.err()),
                    () -> assertNull(parsed.options()));
        }
    }

    @Test
    void compileWritesBesideTheScriptUnlessToldWhere() throws IOException {
        String script = script("c.py");
        Parsed defaultOutput = parse("compile", script);
        assertEquals(0, defaultOutput.exitCode(), defaultOutput.err());
        assertEquals(workDir.resolve("c.gbc"), defaultOutput.options().compileOutput().orElseThrow());
        Parsed explicit = parse("compile", script, "-o", "out/x.gbc");
        assertEquals(Path.of("out/x.gbc"), explicit.options().compileOutput().orElseThrow());
        Parsed missing = parse("compile", workDir.resolve("absent.py").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("gild: can't open file '"), missing.err());
    }
}
