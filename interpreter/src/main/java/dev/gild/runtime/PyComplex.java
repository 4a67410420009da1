package dev.gild.runtime;

/** Python's complex: two doubles. */
public final class PyComplex extends PyObject {
    public final double real;
    public final double imag;

    public PyComplex(double real, double imag) {
        this.real = real;
        this.imag = imag;
    }

    @Override public PyType getType() { return PyTypes.COMPLEX; }
}
