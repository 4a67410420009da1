package dev.gild.parser;

import dev.gild.ast.Node;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.List;

/**
 * Prints an AST in a compact canonical form (class, position, fields in declaration order), the
 * same form a small script produces from CPython's {@code ast} module, so trees can be compared
 * with CPython's as text.
 */
final class AstPrinter {
    private AstPrinter() {
    }

    static String print(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                append(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof String s) {
            appendString(sb, s);
        } else if (value instanceof Enum<?> e) {
            sb.append(e.name());
        } else if (value instanceof Node.Constant c) {
            sb.append("Constant");
            appendPos(sb, c.pos());
            sb.append('(').append(constant(c.value())).append(')');
        } else if (value instanceof Record r) {
            appendRecord(sb, r);
        } else {
            sb.append(value);
        }
    }

    private static void appendRecord(StringBuilder sb, Record r) {
        sb.append(r.getClass().getSimpleName());
        boolean first = true;
        StringBuilder fields = new StringBuilder();
        try {
            for (RecordComponent component : r.getClass().getRecordComponents()) {
                Object v = component.getAccessor().invoke(r);
                if (component.getName().equals("pos")) {
                    appendPos(sb, (Node.Pos) v);
                    continue;
                }
                if (!first) {
                    fields.append(", ");
                }
                first = false;
                if (r instanceof Node.FormattedValue && component.getName().equals("conversion")) {
                    fields.append(v);
                } else {
                    append(fields, v);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        sb.append('(').append(fields).append(')');
    }

    private static void appendPos(StringBuilder sb, Node.Pos p) {
        if (p != null && p != Node.Pos.NONE) {
            sb.append('@').append(p.line()).append(':').append(p.col()).append('-')
                    .append(p.endLine()).append(':').append(p.endCol());
        }
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('\'');
        s.codePoints().forEach(c -> {
            if (c >= 32 && c < 127 && c != '\'' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append("\\u{").append(Integer.toHexString(c)).append('}');
            }
        });
        sb.append('\'');
    }

    static String constant(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return "f" + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        if (v instanceof Node.Imaginary im) {
            return "j" + Long.toHexString(Double.doubleToRawLongBits(im.imag()));
        }
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder();
            appendString(sb, s);
            return sb.toString();
        }
        if (v instanceof byte[] bytes) {
            StringBuilder sb = new StringBuilder("b");
            for (byte b : bytes) {
                sb.append(String.format("%02x", b & 0xFF));
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }
}
