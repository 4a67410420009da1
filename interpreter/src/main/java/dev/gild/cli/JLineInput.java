package dev.gild.cli;

import dev.gild.runtime.ThreadState;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Prompt input on a terminal through JLine: line editing, and history kept in
 * {@code ~/.gild_history} (CPython keeps {@code ~/.python_history}). Only {@link Repl} touches this
 * class, so JLine's classes are loaded only for an interactive session.
 */
final class JLineInput implements Repl.LineInput {
    private final Terminal terminal;
    private final LineReader reader;

    private JLineInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /**
     * Opens the process's terminal. JLine takes over the native signal handlers; Ctrl-C while code
     * runs must still become a KeyboardInterrupt in the main thread, so its handler does what
     * {@link Interrupts} does (while a line is being read, JLine turns Ctrl-C into
     * {@link UserInterruptException} instead).
     */
    static JLineInput open(ThreadState main) {
        try {
            Terminal terminal = TerminalBuilder.builder()
                    .system(true)
                    .nativeSignals(true)
                    .signalHandler(signal -> {
                        if (signal == Terminal.Signal.INT) Interrupts.interruptMain(main);
                    })
                    .build();
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("gild")
                    .parser(lineAsTyped())
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".gild_history"))
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "")
                    // '!' and '\' are Python syntax, not history events or escapes.
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.INSERT_TAB, true)
                    .build();
            return new JLineInput(terminal, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** A parser that never asks for more: Python's continuation lines are the REPL's business. */
    private static DefaultParser lineAsTyped() {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        return parser;
    }

    @Override
    public String readLine(String prompt) throws Repl.InputInterrupted {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            Thread.interrupted();
            throw new Repl.InputInterrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException unwritable) {
            // Losing the history must not spoil the exit.
        }
        try {
            terminal.close();
        } catch (IOException ignored) {
            // The process is ending.
        }
    }
}
