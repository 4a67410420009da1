package dev.gild.cli;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the command line decided, with no interpreter logic: what to run, the script's
 * {@code sys.argv}, and how the interpreter lock behaves. Built by {@link Main}, consumed by
 * {@link Launcher#run}.
 *
 * @param program        the script file, the {@code -c} code, the {@code -m} module, or stdin
 * @param argv           {@code sys.argv} as CPython builds it: {@code ['script.py', args...]},
 *                       {@code ['-c', args...]}, {@code ['-m', args...]} (CPython replaces
 *                       {@code '-m'} by the module's file path once found; the runtime should
 *                       too), {@code ['-', args...]} for an explicit {@code -}, and {@code ['']}
 *                       when no program was given
 * @param compileOutput  present for {@code gild compile}: write the bytecode of {@link #program}
 *                       (then always a {@link Script}) to this file instead of running it
 * @param gil            whether threads take turns on one lock or run free ({@code --gil},
 *                       {@code -X gil=0|1})
 * @param gilPolicy      how the lock is handed over when the holder's interval runs out
 * @param switchInterval how long a holder keeps the lock while another thread waits
 * @param preemptAt      at which instruction boundaries the holder checks for a drop request
 * @param gilStats       print lock statistics to stderr when the program ends
 * @param gilStatsJson   write the lock statistics as JSON to this file when the program ends
 * @param trace          write a trace of lock events to this file
 * @param schedule       a deterministic scheduler spec; its syntax belongs to the scheduler
 *                       ({@code dev.gild.lock.ScheduleStrategy#parse})
 * @param printSchedule  print the schedule's replay spec to stderr when the program ends
 * @param xOptions       {@code -X name=value} options in command-line order (the last repeat
 *                       wins), for {@code sys._xoptions}; a bare {@code -X name} maps to
 *                       {@link #X_OPTION_WITHOUT_VALUE}
 * @param dontWriteBytecode {@code -B} or PYTHONDONTWRITEBYTECODE: no {@code __pycache__} files
 *                       are written (existing ones are still read), {@code sys.dont_write_bytecode}
 * @param inspect        {@code -i}: the interactive prompt after the program (or instead of
 *                       reading a program from stdin), even when stdin is not a terminal
 */
public record LaunchOptions(
        Program program,
        List<String> argv,
        Optional<Path> compileOutput,
        GilMode gil,
        GilPolicy gilPolicy,
        SwitchInterval switchInterval,
        PreemptAt preemptAt,
        boolean gilStats,
        Optional<Path> gilStatsJson,
        Optional<Path> trace,
        Optional<String> schedule,
        boolean printSchedule,
        Map<String, String> xOptions,
        boolean dontWriteBytecode,
        boolean inspect) {

    /**
     * The value recorded for {@code -X name} given without {@code =value}. CPython shows it as
     * {@code True} in {@code sys._xoptions}; the runtime should do the same.
     */
    public static final String X_OPTION_WITHOUT_VALUE = "true";

    /** What runs. Switch over it with pattern matching. */
    public sealed interface Program permits Script, Code, Module, Stdin {}

    /** A script file, as given on the command line (relative to the working directory). */
    public record Script(Path path) implements Program {
        public Script {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Source text from {@code -c CODE}. */
    public record Code(String source) implements Program {
        public Code {
            Objects.requireNonNull(source, "source");
        }
    }

    /** A module run as {@code __main__} from {@code -m MODULE}. */
    public record Module(String name) implements Program {
        public Module {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The program is read from standard input ({@code -}, or no program argument at all). */
    public record Stdin() implements Program {}

    public enum GilMode { on, off }

    /**
     * {@code fair}: a thread that asks for the lock gets it at the holder's next switch point
     * (CPython 3.2+). {@code legacy}: the holder releases and immediately competes again with no
     * hand-off (Python 2), which shows the convoy effect.
     */
    public enum GilPolicy { fair, legacy }

    /**
     * {@code instruction}: a drop request is honoured at any instruction boundary.
     * {@code backedge}: only at backward jumps and calls, as CPython's eval breaker is checked.
     */
    public enum PreemptAt { instruction, backedge }

    public LaunchOptions {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(compileOutput, "compileOutput");
        Objects.requireNonNull(gil, "gil");
        Objects.requireNonNull(gilPolicy, "gilPolicy");
        Objects.requireNonNull(switchInterval, "switchInterval");
        Objects.requireNonNull(preemptAt, "preemptAt");
        Objects.requireNonNull(gilStatsJson, "gilStatsJson");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(schedule, "schedule");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must hold at least sys.argv[0]");
        }
        if (compileOutput.isPresent() && !(program instanceof Script)) {
            throw new IllegalArgumentException("only a script file can be compiled");
        }
        // Map.copyOf would lose the command-line order that sys._xoptions keeps.
        xOptions = Collections.unmodifiableMap(new LinkedHashMap<>(xOptions));
    }

    /** Runs {@code program} with every lock option at its default and no script arguments. */
    public static LaunchOptions defaults(Program program, List<String> argv) {
        return new LaunchOptions(program, argv, Optional.empty(), GilMode.on, GilPolicy.fair,
                SwitchInterval.DEFAULT, PreemptAt.instruction, false, Optional.empty(), Optional.empty(),
                Optional.empty(), false, Map.of(), false, false);
    }

    /** The same options, but compile {@link #program} to {@code output} instead of running it. */
    public LaunchOptions compilingTo(Path output) {
        return new LaunchOptions(program, argv, Optional.of(output), gil, gilPolicy, switchInterval,
                preemptAt, gilStats, gilStatsJson, trace, schedule, printSchedule, xOptions, dontWriteBytecode, inspect);
    }

    public boolean isCompileOnly() {
        return compileOutput.isPresent();
    }
}
