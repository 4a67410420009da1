package dev.gild.tests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code dev.gild.cli.Main} in a child JVM, as the {@code ./gild} launcher does, so that a
 * crash, a hang or a {@code System.exit} in one script cannot take the test JVM down with it.
 */
final class GildProcess {

    /** What one run left behind. {@code exitCode} is -1 after a timeout. */
    record Result(int exitCode, byte[] stdout, byte[] stderr, boolean timedOut) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    /**
     * The flags of ./gild (see the comments there), less its self-updating class-data archive:
     * children run two at a time and must not race to write one, so {@link #ARCHIVE} is made
     * once, up front, and only read.
     */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASSPATH = childClasspath();
    /** Made on first use; empty when the classpath holds class folders, which CDS cannot archive. */
    private static volatile Optional<Path> archive;

    private GildProcess() {
    }

    /** Runs {@code gild ARGS...} in {@code workDir} with an empty stdin. */
    static Result run(Path workDir, Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(JVM_FLAGS);
        classDataArchive().ifPresent(file -> command.add("-XX:SharedArchiveFile=" + file));
        command.add("-cp");
        command.add(CLASSPATH);
        command.add("dev.gild.cli.Main");
        command.addAll(args);
        return start(command, workDir, timeout);
    }

    private static Result start(List<String> command, Path workDir, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            // Files, not pipes: a chatty child cannot block on a full pipe while we wait for it.
            stdout = Files.createTempFile("gild-stdout", ".bin");
            stderr = Files.createTempFile("gild-stderr", ".bin");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putIfAbsent("PYTHONIOENCODING", "utf-8");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            return new Result(finished ? process.exitValue() : -1, Files.readAllBytes(stdout),
                    Files.readAllBytes(stderr), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /**
     * A class-data archive of what a run loads, dumped once by a {@code -c pass} run, so that the
     * hundreds of short-lived children start faster. Missing (and so unused) when it cannot be
     * made; the JVM also ignores an archive that does not fit, with a warning on stderr only.
     */
    private static Optional<Path> classDataArchive() {
        Optional<Path> made = archive;
        if (made == null) {
            synchronized (GildProcess.class) {
                made = archive;
                if (made == null) {
                    made = dumpArchive();
                    archive = made;
                }
            }
        }
        return made;
    }

    private static Optional<Path> dumpArchive() {
        boolean onlyJars = Arrays.stream(CLASSPATH.split(File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)));
        if (!onlyJars) {
            return Optional.empty();
        }
        Path file = RepoLayout.root().resolve("tests/target/child-jvm.jsa");
        try {
            Files.deleteIfExists(file);
            List<String> command = new ArrayList<>(List.of(JAVA));
            command.addAll(JVM_FLAGS);
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + file, "-cp", CLASSPATH, "dev.gild.cli.Main",
                    "-c", "pass"));
            start(command, file.getParent(), Duration.ofSeconds(60));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The interpreter's runtime classpath from Maven (tests/pom.xml), or, when the tests run
     * outside Maven, the test JVM's own classpath, which holds it too.
     */
    private static String childClasspath() {
        for (String property : List.of("gild.runtimeClasspath", "surefire.test.class.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank() && !value.startsWith("${")) {
                return value;
            }
        }
        throw new IllegalStateException("no classpath to start the interpreter with");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file is harmless; the result is what matters.
            }
        }
    }
}
