package dev.gild.compiler;

import dev.gild.ast.Node;
import dev.gild.ast.Node.Expr;
import dev.gild.bytecode.CodeObject;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyComplex;
import dev.gild.runtime.PySingleton;
import dev.gild.runtime.PyTuple;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Compile-time constants: turning AST literals into runtime values, the little folding Gild does
 * (unary minus on numbers, tuples of constants, {@code __debug__}), truth values for folded
 * conditions, and the key under which {@code consts} entries are deduplicated.
 */
final class Constants {
    /** Returned by {@link #fold} for an expression that is not a compile-time constant. */
    static final Object NOT_CONSTANT = new Object();

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    private Constants() {}

    /** The runtime value of an expression known at compile time, or {@link #NOT_CONSTANT}. */
    static Object fold(Expr e) {
        switch (e) {
            case Node.Constant c -> {
                return fromLiteral(c.value());
            }
            case Node.Name n when n.id().equals("__debug__") -> {
                return Boolean.TRUE;
            }
            case Node.UnaryOp u when u.op() == Node.UnaryOperator.USUB -> {
                Object operand = fold(u.operand());
                return operand == NOT_CONSTANT ? NOT_CONSTANT : negate(operand);
            }
            case Node.Tuple t -> {
                Object[] items = new Object[t.elts().size()];
                for (int i = 0; i < items.length; i++) {
                    items[i] = fold(t.elts().get(i));
                    if (items[i] == NOT_CONSTANT) return NOT_CONSTANT;
                }
                return PyTuple.of(items);
            }
            default -> {
                return NOT_CONSTANT;
            }
        }
    }

    static boolean isConstant(Expr e) { return fold(e) != NOT_CONSTANT; }

    /** The runtime value of a literal as the parser stores it in {@link Node.Constant}. */
    static Object fromLiteral(Object literal) {
        if (literal == Node.Constant.NONE) return Py.None;
        if (literal == Node.Constant.ELLIPSIS) return Py.Ellipsis;
        if (literal instanceof byte[] bytes) return new PyBytes(bytes.clone());
        if (literal instanceof Node.Imaginary im) return new PyComplex(0.0, im.imag());
        if (literal instanceof BigInteger big) return normalize(big);
        return literal;
    }

    /** {@code -value} for a numeric constant (bool included, as Python folds {@code -True}). */
    private static Object negate(Object value) {
        return switch (value) {
            case Long l when l == Long.MIN_VALUE -> BigInteger.valueOf(l).negate();
            case Long l -> -l;
            case BigInteger b -> normalize(b.negate());
            case Double d -> -d;
            case Boolean b -> b ? -1L : 0L;
            case PyComplex c -> new PyComplex(-c.real, -c.imag);
            default -> NOT_CONSTANT;
        };
    }

    private static Object normalize(BigInteger b) {
        return b.bitLength() < 64 || b.equals(LONG_MIN) ? (Object) b.longValue() : b;
    }

    /** Python truth value of a folded constant. */
    static boolean isTrue(Object c) {
        return switch (c) {
            case Boolean b -> b;
            case Long l -> l != 0;
            case BigInteger b -> b.signum() != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case PyBytes b -> b.size() != 0;
            case PyComplex z -> z.real != 0.0 || z.imag != 0.0;
            case PyTuple t -> t.size() != 0;
            default -> c != Py.None;
        };
    }

    /**
     * A consts-table key: equal only for constants of the same type and value, so that 1, 1.0
     * and True stay distinct, and so do 0.0 and -0.0 (Python's {@code ==} would merge them).
     */
    static final class Key {
        private final Object value;

        Key(Object value) { this.value = value; }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && same(value, k.value);
        }

        @Override
        public int hashCode() { return hash(value); }

        private static boolean same(Object a, Object b) {
            if (a == b) return true;
            if (a == null || b == null || a.getClass() != b.getClass()) return false;
            return switch (a) {
                case Double d -> Double.doubleToLongBits(d) == Double.doubleToLongBits((Double) b);
                case PyComplex z -> Double.doubleToLongBits(z.real) == Double.doubleToLongBits(((PyComplex) b).real)
                        && Double.doubleToLongBits(z.imag) == Double.doubleToLongBits(((PyComplex) b).imag);
                case PyBytes x -> Arrays.equals(x.bytes, ((PyBytes) b).bytes);
                case PyTuple t -> sameItems(t, (PyTuple) b);
                case CodeObject c -> false;
                case PySingleton s -> false;
                default -> a.equals(b);
            };
        }

        private static boolean sameItems(PyTuple a, PyTuple b) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) return false;
            }
            return true;
        }

        private static int hash(Object v) {
            return switch (v) {
                case Double d -> Double.hashCode(d);
                case PyComplex z -> 31 * Double.hashCode(z.real) + Double.hashCode(z.imag);
                case PyBytes x -> Arrays.hashCode(x.bytes);
                case PyTuple t -> {
                    int h = 7;
                    for (Object item : t.items) h = 31 * h + hash(item);
                    yield h;
                }
                case CodeObject c -> System.identityHashCode(c);
                case PySingleton s -> System.identityHashCode(s);
                default -> 31 * v.getClass().hashCode() + Objects.hashCode(v);
            };
        }
    }
}
