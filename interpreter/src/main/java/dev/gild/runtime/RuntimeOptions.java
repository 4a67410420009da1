package dev.gild.runtime;

import java.util.List;
import java.util.Map;

/**
 * How an interpreter runs: what the command line chose for the lock and the script's view of
 * itself (sys.argv, sys.flags, -X options).
 *
 * @param perInstruction  {@code --preempt-at instruction} (true) or {@code backedge} (false)
 * @param argv            sys.argv
 * @param xOptions        -X options (sys._xoptions)
 * @param scriptDirectory the folder put first on sys.path, or null for the current directory
 */
public record RuntimeOptions(boolean perInstruction, List<String> argv, Map<String, String> xOptions,
                             String scriptDirectory) {
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(true, List.of(""), Map.of(), null);
    }
}
