package dev.gild.runtime;

import dev.gild.bytecode.BinaryOp;
import dev.gild.bytecode.CompareOp;

import java.math.BigInteger;

/** Arithmetic on int, bool, float and complex (being written: only the contract is here). */
public final class NumberOps {
    private NumberOps() {}

    public static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Boolean || o instanceof BigInteger
                || o instanceof PyComplex;
    }

    public static Object binary(BinaryOp op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            switch (op) {
                case ADD: return Math.addExact(x, y);
                case SUBTRACT: return Math.subtractExact(x, y);
                case MULTIPLY: return Math.multiplyExact(x, y);
                default: break;
            }
        }
        return Py.NotImplemented;
    }

    public static Object compare(CompareOp op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            int c = Long.compare(x, y);
            return Py.bool(switch (op) {
                case LT -> c < 0; case LE -> c <= 0; case EQ -> c == 0; case NE -> c != 0; case GT -> c > 0; case GE -> c >= 0;
            });
        }
        return Py.NotImplemented;
    }

    public static Object negative(Object a) { return -(Long) a; }

    public static Object positive(Object a) { return a; }

    public static Object invert(Object a) { return ~(Long) a; }

    public static long hashLong(long v) { return v == -1 ? -2 : v; }

    public static long hashDouble(double d) { return Double.hashCode(d); }

    public static long hashBig(BigInteger b) { return b.hashCode(); }
}
