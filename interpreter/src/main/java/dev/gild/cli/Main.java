package dev.gild.cli;

import dev.gild.cli.LaunchOptions.Code;
import dev.gild.cli.LaunchOptions.GilMode;
import dev.gild.cli.LaunchOptions.GilPolicy;
import dev.gild.cli.LaunchOptions.Module;
import dev.gild.cli.LaunchOptions.PreemptAt;
import dev.gild.cli.LaunchOptions.Program;
import dev.gild.cli.LaunchOptions.Script;
import dev.gild.cli.LaunchOptions.Stdin;
import dev.gild.observe.CompareCommand;
import dev.gild.observe.TimelineCommand;
import dev.gild.lock.ScheduleStrategy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code gild} command line. It only parses and validates: the result goes to
 * {@link Launcher#run} as a {@link LaunchOptions}. Bad input gives a one-line error and exit
 * status 2, as CPython's option errors do, and never a Java stack trace.
 *
 * <p>As in CPython, the program argument ends the option list: a script name, {@code -c CODE},
 * {@code -m MODULE} or {@code -}; every argument after it goes to the script's
 * {@code sys.argv}, even one that looks like a gild option.
 */
@Command(name = "gild",
        customSynopsis = "gild [options] [script.py | -c CODE | -m MODULE | -] [args...]",
        description = "Runs a Python 3.11 program on the Gild VM: compiled to bytecode and executed on"
                + " the JVM, with a real global interpreter lock (or none, with --gil off).%n",
        mixinStandardHelpOptions = true,
        versionProvider = Main.GildVersion.class,
        subcommands = {Main.Compile.class, Stress.class, Explore.class, TimelineCommand.class, CompareCommand.class},
        sortOptions = false,
        footerHeading = "%n",
        footer = {
            "Exit status: the program's own (0; 1 for an uncaught exception; the argument of"
                    + " sys.exit), 2 for a bad command line or a script that cannot be opened, 70 for"
                    + " an internal error.",
            "Environment (read by the ./gild launcher): JAVA_HOME picks the JDK (21 or newer);"
                    + " GILD_JAVA_OPTS adds JVM flags."})
public final class Main implements Callable<Integer> {

    static final int EXIT_USAGE = 2;
    static final int EXIT_INTERNAL_ERROR = 70;

    @Spec
    CommandSpec spec;

    @Option(names = "-c", paramLabel = "CODE", parameterConsumer = ProgramArgument.class,
            description = "Run CODE (a string of statements); ends the option list.")
    String code;

    @Option(names = "-m", paramLabel = "MODULE", parameterConsumer = ProgramArgument.class,
            description = "Run MODULE as __main__; ends the option list.")
    String module;

    @Parameters(paramLabel = "SCRIPT", arity = "0..*", parameterConsumer = ProgramArgument.class,
            description = "The script file to run, or - (or nothing) to read the program from"
                    + " stdin. The arguments after it go to the script as sys.argv[1:].")
    List<String> scriptAndArguments;

    @Option(names = "-B", description = "Do not write compiled bytecode to __pycache__ folders"
            + " (also PYTHONDONTWRITEBYTECODE=1).")
    boolean dontWriteBytecode;

    @Option(names = "-i", description = "Start the interactive prompt after running the program,"
            + " even when stdin is not a terminal.")
    boolean inspect;

    @Option(names = "--gil", paramLabel = "on|off",
            description = "on (default): threads take turns holding one interpreter lock."
                    + " off: free-threaded, with per-object locks in the built-in containers.")
    GilMode gil;

    @Option(names = "--gil-policy", paramLabel = "fair|legacy",
            description = "How the lock changes hands: fair (default) hands it to the waiting"
                    + " thread; legacy releases and re-competes, as Python 2 did.")
    GilPolicy gilPolicy = GilPolicy.fair;

    @Option(names = "--switch-interval", paramLabel = "VALUE", converter = SwitchIntervalConverter.class,
            description = "How long a thread keeps the lock while another waits: an instruction"
                    + " count (100) or a duration (5ms, 500us, 0.005s). Default: 5ms.")
    SwitchInterval switchInterval = SwitchInterval.DEFAULT;

    @Option(names = "--preempt-at", paramLabel = "instruction|backedge",
            description = "Where a thread may be asked to drop the lock: at any instruction"
                    + " boundary (default) or only at backward jumps and calls.")
    PreemptAt preemptAt = PreemptAt.instruction;

    @Option(names = "--gil-stats",
            description = "Print lock statistics per thread (time running, waiting, blocked;"
                    + " acquisitions, switches, wait percentiles) to stderr at exit.")
    boolean gilStats;

    @Option(names = "--gil-stats-json", paramLabel = "FILE",
            description = "Write the same lock statistics as JSON to FILE at exit.")
    Path gilStatsJson;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Write a Chrome/Perfetto trace of the lock (running, waiting and blocked"
                    + " spans per thread, switches) to FILE at exit.")
    Path trace;

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "Run one thread at a time, switching where SPEC decides, on a virtual"
                    + " clock: random:SEED, pct:SEED:DEPTH[:STEPS] (PCT) or replay:TOKEN (with a"
                    + " trace of the switches on stderr). Same SPEC, same output.")
    String schedule;

    @Option(names = "--print-schedule",
            description = "With --schedule: print the run's replay:TOKEN spec to stderr at exit.")
    boolean printSchedule;

    @Option(names = "-X", paramLabel = "OPT",
            description = "Implementation option NAME or NAME=VALUE (repeatable), seen in"
                    + " sys._xoptions. -X gil=0 is --gil off, -X gil=1 is --gil on.")
    List<String> xOptions = new ArrayList<>();

    private final ToIntFunction<LaunchOptions> launcher;

    /** Set by {@link ProgramArgument}; null when the command line names no program. */
    private Program program;
    private final List<String> argv = new ArrayList<>();

    private Main(ToIntFunction<LaunchOptions> launcher) {
        this.launcher = launcher;
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Launcher::run));
    }

    /**
     * Parses {@code args} and hands the result to {@code launcher} (normally {@link Launcher#run};
     * tests pass their own to see the parsed options); returns the exit status.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err,
                              ToIntFunction<LaunchOptions> launcher) {
        CommandLine commandLine = new CommandLine(new Main(launcher))
                .setOut(out)
                .setErr(err)
                .setHelpFactory(SpaceSeparatedHelp::new)
                .setParameterExceptionHandler(Main::reportUsageError)
                .setExecutionExceptionHandler((exception, failed, parseResult) -> {
                    failed.getErr().println("gild: internal error: " + exception);
                    if (System.getenv("GILD_DEBUG") != null) {
                        exception.printStackTrace(failed.getErr());
                    }
                    failed.getErr().flush();
                    return EXIT_INTERNAL_ERROR;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        Program chosen = program != null ? program : new Stdin();
        List<String> sysArgv = program != null ? argv : List.of("");
        if (chosen instanceof Script script) {
            Optional<String> problem = cannotOpen(script.path());
            if (problem.isPresent()) {
                spec.commandLine().getErr().println(problem.get());
                return EXIT_USAGE;
            }
        }
        Map<String, String> parsedXOptions = parseXOptions(xOptions);
        GilMode gilMode = effectiveGilMode(parsedXOptions);
        checkSchedule(gilMode);
        LaunchOptions options = new LaunchOptions(chosen, sysArgv, Optional.empty(),
                gilMode, gilPolicy, switchInterval, preemptAt, gilStats,
                Optional.ofNullable(gilStatsJson), Optional.ofNullable(trace), Optional.ofNullable(schedule), printSchedule,
                parsedXOptions, dontWriteBytecode || isSet(System.getenv("PYTHONDONTWRITEBYTECODE")), inspect);
        return launcher.applyAsInt(options);
    }

    private Map<String, String> parseXOptions(List<String> raw) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String option : raw) {
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            if (name.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "-X needs a name, got '" + option + "'");
            }
            parsed.put(name, equals < 0 ? LaunchOptions.X_OPTION_WITHOUT_VALUE : option.substring(equals + 1));
        }
        return parsed;
    }

    /** A malformed --schedule spec, or one combined with --gil off, is a usage error. */
    private void checkSchedule(GilMode gilMode) {
        if (schedule == null) {
            if (printSchedule) throw new ParameterException(spec.commandLine(), "--print-schedule needs --schedule");
            return;
        }
        try {
            ScheduleStrategy.parse(schedule);
        } catch (IllegalArgumentException bad) {
            throw new ParameterException(spec.commandLine(), bad.getMessage());
        }
        if (gilMode == GilMode.off) {
            throw new ParameterException(spec.commandLine(),
                    "--schedule runs one thread at a time: it cannot be combined with --gil off");
        }
    }

    /** {@code --gil} and {@code -X gil=} name the same setting; they must not disagree. */
    private GilMode effectiveGilMode(Map<String, String> parsedXOptions) {
        String xGil = parsedXOptions.get("gil");
        GilMode fromX = null;
        if (xGil != null) {
            fromX = switch (xGil) {
                case "0" -> GilMode.off;
                case "1" -> GilMode.on;
                default -> throw new ParameterException(spec.commandLine(),
                        "-X gil must be 0 or 1, got '" + xGil + "'");
            };
        }
        if (gil != null && fromX != null && gil != fromX) {
            throw new ParameterException(spec.commandLine(),
                    "--gil " + gil + " contradicts -X gil=" + xGil);
        }
        if (gil != null) return gil;
        if (fromX != null) return fromX;
        // As in CPython 3.13t, the environment variable counts only when no option says otherwise.
        String env = System.getenv("PYTHON_GIL");
        if ("0".equals(env)) return GilMode.off;
        return GilMode.on;
    }

    /** CPython's test for its PYTHON* flag variables: set to a non-empty string. */
    private static boolean isSet(String environmentValue) {
        return environmentValue != null && !environmentValue.isEmpty();
    }

    /** CPython's message when the script file cannot be read, with {@code gild} for the program. */
    static Optional<String> cannotOpen(Path script) {
        Path absolute = script.toAbsolutePath();
        if (!Files.exists(absolute)) {
            return Optional.of("gild: can't open file '" + absolute + "': [Errno 2] No such file or directory");
        }
        if (!Files.isReadable(absolute)) {
            return Optional.of("gild: can't open file '" + absolute + "': [Errno 13] Permission denied");
        }
        return Optional.empty();
    }

    private static int reportUsageError(ParameterException error, String[] args) {
        CommandLine failed = error.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("gild: error: " + describe(error));
        err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    private static String describe(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return (first.startsWith("-") ? "unrecognized option '" : "unexpected argument '") + first + "'";
        }
        String message = String.valueOf(error.getMessage()).replaceAll("\\s*\\R\\s*", " ").strip();
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /**
     * Takes the program argument ({@code -c CODE}, {@code -m MODULE}, or the first positional
     * argument) and then every remaining argument verbatim, so that nothing after the program
     * is parsed as a gild option.
     */
    static final class ProgramArgument implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            Main main = (Main) commandSpec.userObject();
            if (argSpec instanceof OptionSpec option) {
                String name = option.longestName();
                if (args.isEmpty()) {
                    throw new ParameterException(commandSpec.commandLine(),
                            "option '" + name + "' needs an argument (" + option.paramLabel() + ")");
                }
                String value = args.pop();
                main.program = name.equals("-c") ? new Code(value) : new Module(value);
                main.argv.add(name);
            } else {
                String first = args.pop();
                main.program = first.equals("-") ? new Stdin() : new Script(toPath(first, commandSpec));
                main.argv.add(first);
            }
            while (!args.isEmpty()) {
                main.argv.add(args.pop());
            }
        }

        private static Path toPath(String text, CommandSpec commandSpec) {
            try {
                return Path.of(text);
            } catch (InvalidPathException invalid) {
                throw new ParameterException(commandSpec.commandLine(), "not a valid file name: '" + text + "'");
            }
        }
    }

    /**
     * Shows option values as {@code --gil on|off} and {@code -c CODE}, the way CPython's help
     * does, while the parser still accepts {@code --gil=off} (a space separator in
     * {@code @Command} would make picocli reject that form).
     */
    static final class SpaceSeparatedHelp extends CommandLine.Help {
        SpaceSeparatedHelp(CommandSpec spec, ColorScheme colors) {
            super(spec, colors);
        }

        @Override
        public IParamLabelRenderer parameterLabelRenderer() {
            IParamLabelRenderer standard = super.parameterLabelRenderer();
            return new IParamLabelRenderer() {
                @Override
                public Text renderParameterLabel(ArgSpec arg, Ansi ansi, List<IStyle> styles) {
                    Text label = standard.renderParameterLabel(arg, ansi, styles);
                    String plain = label.plainString();
                    String separator = standard.separator();
                    return plain.startsWith(separator)
                            ? ansi.new Text(" " + plain.substring(separator.length()), colorScheme())
                            : label;
                }

                @Override
                public String separator() {
                    return " ";
                }
            };
        }
    }

    public static final class SwitchIntervalConverter implements ITypeConverter<SwitchInterval> {
        @Override
        public SwitchInterval convert(String value) {
            try {
                return SwitchInterval.parse(value);
            } catch (IllegalArgumentException invalid) {
                throw new TypeConversionException(invalid.getMessage());
            }
        }
    }

    public static final class GildVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.banner()};
        }
    }

    @Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = GildVersion.class,
            description = "Compile a script to Gild bytecode without running it.")
    static final class Compile implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        Main parent;

        @Parameters(index = "0", paramLabel = "script.py", description = "The script to compile.")
        Path script;

        @Option(names = {"-o", "--output"}, paramLabel = "out.gbc",
                description = "Where to write the bytecode. Default: the script's path with .gbc"
                        + " in place of .py.")
        Path output;

        @Override
        public Integer call() {
            Optional<String> problem = cannotOpen(script);
            if (problem.isPresent()) {
                spec.commandLine().getErr().println(problem.get());
                return EXIT_USAGE;
            }
            Path target = output != null ? output : defaultOutput(script);
            return parent.launcher.applyAsInt(LaunchOptions.defaults(new Script(script), List.of(script.toString()))
                    .compilingTo(target));
        }

        private static Path defaultOutput(Path script) {
            String name = script.getFileName().toString();
            String stem = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
            return script.resolveSibling(stem + ".gbc");
        }
    }
}
