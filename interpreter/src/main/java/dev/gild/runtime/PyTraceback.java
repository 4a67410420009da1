package dev.gild.runtime;

/** One entry of a traceback: a frame and the line it was at; {@link #next} goes deeper. */
public final class PyTraceback extends PyObject {
    public final PyTraceback next;
    /** The frame (a {@code dev.gild.runtime.Frame}), kept for tb_frame and its globals. */
    public final Object frame;
    public final String filename;
    public final String function;
    public final int line;

    public PyTraceback(PyTraceback next, Object frame, String filename, String function, int line) {
        this.next = next;
        this.frame = frame;
        this.filename = filename;
        this.function = function;
        this.line = line;
    }

    @Override public PyType getType() { return PyTypes.TRACEBACK; }

    @Override public boolean equals(Object o) { return this == o; }

    @Override public int hashCode() { return System.identityHashCode(this); }
}
