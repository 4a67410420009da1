package dev.gild.compiler;

import dev.gild.ast.Node;
import dev.gild.parser.SyntaxErrorException;

/**
 * The file being compiled: its name for code objects and error messages, and (when known) its
 * text, so that a compile-time {@code SyntaxError} can show the offending line as CPython does.
 */
final class SourceInfo {
    final String filename;
    private final String[] lines;

    SourceInfo(String filename, String source) {
        this.filename = filename;
        this.lines = source == null ? null : source.split("\r\n|\r|\n", -1);
    }

    /** A SyntaxError at a node's span, with CPython's 1-based offsets. */
    SyntaxErrorException error(String message, Node.Pos pos) {
        if (pos == null) pos = Node.Pos.NONE;
        return new SyntaxErrorException("SyntaxError", message, filename, pos.line(), pos.col() + 1,
                pos.endLine(), pos.endCol() + 1, lineText(pos.line()));
    }

    private String lineText(int line) {
        if (lines == null || line < 1 || line > lines.length) return null;
        return lines[line - 1];
    }
}
