package dev.gild.parser;

/**
 * A compile-time error found by the lexer, the parser or the compiler. The runtime turns it into a
 * Python {@code SyntaxError} (or the subclass named by {@link #kind}) with CPython's attributes:
 * filename, lineno, offset (1-based column), text (the source line), end_lineno, end_offset.
 */
public final class SyntaxErrorException extends RuntimeException {
    /** "SyntaxError", "IndentationError" or "TabError". */
    public final String kind;
    public final String filename;
    public final int line;
    /** 1-based column of the caret, as CPython's {@code offset}; 0 when unknown. */
    public final int offset;
    public final int endLine;
    public final int endOffset;
    /** The offending source line (without its newline), or null. */
    public final String text;

    public SyntaxErrorException(String kind, String message, String filename, int line, int offset,
                                int endLine, int endOffset, String text) {
        super(message, null, false, false);
        this.kind = kind;
        this.filename = filename;
        this.line = line;
        this.offset = offset;
        this.endLine = endLine;
        this.endOffset = endOffset;
        this.text = text;
    }

    public SyntaxErrorException(String message, String filename, int line, int offset, String text) {
        this("SyntaxError", message, filename, line, offset, line, offset, text);
    }
}
