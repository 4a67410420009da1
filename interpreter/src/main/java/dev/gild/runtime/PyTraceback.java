package dev.gild.runtime;

/**
 * One entry of a traceback: a frame, the line it was at and the source span of the instruction
 * that raised (for the carets of CPython 3.11's tracebacks); {@link #next} goes deeper.
 */
public final class PyTraceback extends PyObject {
    public final PyTraceback next;
    /** The frame (a {@code dev.gild.runtime.Frame}), kept for tb_frame and its globals. */
    public final Object frame;
    public final String filename;
    public final String function;
    public final int line;
    /** End line, start and end column (code points, 0-based) of the instruction; -1 when unknown. */
    public final int endLine;
    public final int col;
    public final int endCol;

    public PyTraceback(PyTraceback next, Object frame, String filename, String function, int line) {
        this(next, frame, filename, function, line, -1, -1, -1);
    }

    public PyTraceback(PyTraceback next, Object frame, String filename, String function, int line,
                       int endLine, int col, int endCol) {
        this.next = next;
        this.frame = frame;
        this.filename = filename;
        this.function = function;
        this.line = line;
        this.endLine = endLine;
        this.col = col;
        this.endCol = endCol;
    }

    @Override public PyType getType() { return PyTypes.TRACEBACK; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
