package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gild.tests.ConformanceCase.Mode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared conformance corpus as one dynamic test per script and mode: every script with the
 * GIL, and the {@code threads/} scripts again free-threaded ({@code -X gil=0}). Each script runs
 * in a child JVM in its own folder, as run.py runs it, two at a time.
 *
 * <p>A script listed in conformance-known-failures.txt that fails is reported as skipped with
 * the reason; one that passes fails the build until it is taken off the list, so the list only
 * shrinks. An unlisted failing script fails the build.
 *
 * <p>System properties: {@code gild.conformance.filter=SUBSTR} runs only the scripts whose test
 * name contains SUBSTR; {@code gild.conformance.jobs=N} changes the parallelism;
 * {@code gild.conformance.updateKnownFailures=true} rewrites the list from this run instead of
 * checking it (tests/update-known-failures.sh).
 */
class ConformanceTest {

    private static final List<String> FOLDERS = List.of("lang", "builtins", "stdlib", "threads", "errors");
    private static final String FREE_THREADED_FOLDER = "threads";
    /** The names run.py picks up. */
    private static final Pattern SCRIPT_NAME = Pattern.compile("\\d{3}_[A-Za-z0-9_]+\\.py");
    private static final double TIMEOUT_SECONDS = 20;
    private static final String LIST_NAME = "conformance-known-failures.txt";

    private static final boolean UPDATING = Boolean.getBoolean("gild.conformance.updateKnownFailures");
    private static final String FILTER = System.getProperty("gild.conformance.filter", "");
    private static final int JOBS = Math.max(1, Integer.getInteger("gild.conformance.jobs", 2));

    /** Filled while updating: every key that ran, and those of them that failed. */
    private static final Set<String> RAN = ConcurrentHashMap.newKeySet();
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
    private static volatile List<ConformanceCase> allCases = List.of();
    private static volatile KnownFailures knownFailures;

    @TestFactory
    Stream<DynamicTest> corpus() {
        Path corpus = RepoLayout.conformanceCorpus();
        assumeTrue(Files.isDirectory(corpus), () -> "conformance corpus not found at " + corpus
                + " (shared/conformance beside the repository, or GILD_CONFORMANCE_DIR):"
                + " no conformance tests run");
        knownFailures = KnownFailures.load(RepoLayout.knownFailuresFile());
        allCases = discover(corpus);
        List<ConformanceCase> selected = allCases.stream().filter(c -> c.key().contains(FILTER)).toList();

        ExecutorService runners = Executors.newFixedThreadPool(JOBS, task -> {
            Thread thread = new Thread(task, "conformance-runner");
            thread.setDaemon(true);
            return thread;
        });
        // Queued in test order: while JUnit checks one result, the next ones are already running.
        Map<ConformanceCase, Future<GildProcess.Result>> results = new LinkedHashMap<>();
        for (ConformanceCase c : selected) {
            results.put(c, runners.submit(() -> GildProcess.run(c.script().getParent(),
                    Duration.ofMillis((long) (TIMEOUT_SECONDS * 1000)), c.commandLine())));
        }

        Stream<DynamicTest> listCheck = FILTER.isEmpty() && !UPDATING
                ? Stream.of(dynamicTest(LIST_NAME + " names only corpus scripts", ConformanceTest::checkListEntriesExist))
                : Stream.empty();
        Stream<DynamicTest> scripts = selected.stream().map(c ->
                dynamicTest(c.key(), c.script().toUri(), () -> check(c, await(results.get(c)))));
        return Stream.concat(listCheck, scripts).onClose(runners::shutdownNow);
    }

    private static void check(ConformanceCase c, GildProcess.Result result) {
        List<String> problems = c.problems(result, TIMEOUT_SECONDS);
        String reason = String.join("; ", problems);
        if (UPDATING) {
            RAN.add(c.key());
            if (!problems.isEmpty()) {
                FAILED.add(c.key());
                abort("recorded as a known failure: " + reason);
            }
            return;
        }
        boolean listed = knownFailures.contains(c.key());
        if (problems.isEmpty()) {
            if (listed) {
                fail(c.key() + " now passes: remove it from " + LIST_NAME);
            }
            return;
        }
        if (listed) {
            abort("known failure: " + reason);
        }
        fail(reason + " (not in " + LIST_NAME + ")");
    }

    private static void checkListEntriesExist() {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        allCases.forEach(c -> keys.add(c.key()));
        List<String> stale = knownFailures.entries().stream().filter(e -> !keys.contains(e)).toList();
        assertEquals(List.of(), stale, LIST_NAME + " lists scripts the corpus does not have: remove them");
    }

    /** After an updating run: failures of this run, plus the old entries of scripts it skipped. */
    @AfterAll
    static void rewriteKnownFailuresWhenUpdating() {
        if (!UPDATING || RAN.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (ConformanceCase c : allCases) {
            String key = c.key();
            if (RAN.contains(key) ? FAILED.contains(key) : knownFailures.contains(key)) {
                keys.add(key);
            }
        }
        Path file = RepoLayout.knownFailuresFile();
        knownFailures.rewrite(file, keys);
        System.out.println("conformance: wrote " + keys.size() + " known failures to " + file);
    }

    private static List<ConformanceCase> discover(Path corpus) {
        List<ConformanceCase> cases = new ArrayList<>();
        List<ConformanceCase> freeThreaded = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = corpus.resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path script : files.filter(f -> SCRIPT_NAME.matcher(f.getFileName().toString()).matches())
                        .sorted().toList()) {
                    String relative = folder + "/" + script.getFileName();
                    cases.add(new ConformanceCase(script, relative, Mode.GIL));
                    if (folder.equals(FREE_THREADED_FOLDER)) {
                        freeThreaded.add(new ConformanceCase(script, relative, Mode.FREE_THREADED));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        cases.addAll(freeThreaded);
        return cases;
    }

    private static GildProcess.Result await(Future<GildProcess.Result> result) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not run the script: " + e.getCause(), e.getCause());
        }
    }
}
