package dev.gild.runtime;

/** slice(start, stop, step). */
public final class PySlice extends PyObject {
    public final Object start;
    public final Object stop;
    public final Object step;

    public PySlice(Object start, Object stop, Object step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override public PyType getType() { return PyTypes.SLICE; }
}
