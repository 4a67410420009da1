package dev.gild.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
     * The same JVM flags as ./gild, less its class-data archive: that archive belongs to the
     * launcher's classpath, and children started two at a time must not race to write one.
     */
    private static final List<String> JVM_FLAGS =
            List.of("-XX:+UseSerialGC", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8");

    private GildProcess() {
    }

    /** Runs {@code gild ARGS...} in {@code workDir} with an empty stdin. */
    static Result run(Path workDir, Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(childClasspath());
        command.add("dev.gild.cli.Main");
        command.addAll(args);
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

    /** The test JVM's own classpath: it holds the interpreter, the stdlib and their libraries. */
    private static String childClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
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
