package dev.gild.runtime;

import dev.gild.ast.Node;
import dev.gild.parser.Parser;

/**
 * The marker line CPython 3.11 prints under a traceback's source line, pointing at the part of the
 * line whose instruction raised.
 *
 * <p>The algorithm, as CPython 3.11 behaves:
 * <ol>
 *   <li>The instruction's span runs from its start column to its end column when it sits on one
 *       line; when it spans several lines, from its start column to the end of the (stripped) first
 *       line.</li>
 *   <li>A one-line span is parsed on its own as an expression. A binary operation gets anchors
 *       around its operator: the operator's first character is found after the left operand,
 *       skipping blanks and closing parentheses, and a second character joins it when it is not a
 *       blank and still lies before the right operand ({@code //}, {@code **}). A subscript gets
 *       anchors from the end of its value (again skipping blanks and closing parentheses) to its
 *       closing bracket. Inside the anchors the marker is {@code ^}, outside it is {@code ~}.</li>
 *   <li>Without anchors the whole span is {@code ^}, and the line is left out altogether when the
 *       span covers the whole stripped source line (nothing to point at).</li>
 * </ol>
 * Columns count code points, as Gild's parser does.
 */
public final class TracebackCarets {
    private TracebackCarets() {}

    /**
     * The marker line (without its four-space indent and newline) for the source line {@code raw}
     * of an instruction spanning ({@code line}, {@code col}) to ({@code endLine}, {@code endCol}),
     * or null when none is shown.
     */
    public static String markers(String raw, int line, int endLine, int col, int endCol) {
        if (raw == null || col < 0 || endCol < 0 || endLine < line) return null;
        int[] text = raw.stripTrailing().codePoints().toArray();
        int leading = 0;
        while (leading < text.length && Character.isWhitespace(text[leading])) leading++;
        int strippedLength = text.length - leading;
        if (strippedLength == 0 || col < leading || col > text.length) return null;
        int start = col;
        int end;
        int[] anchors = null;
        if (endLine == line) {
            end = Math.min(endCol, text.length);
            if (end <= start) return null;
            anchors = anchors(java.util.Arrays.copyOfRange(text, start, end));
        } else {
            end = text.length;
        }
        if (end - start >= strippedLength && anchors == null) return null;
        StringBuilder sb = new StringBuilder(end - leading);
        sb.repeat(' ', start - leading);
        if (anchors == null) {
            sb.repeat('^', end - start);
        } else {
            sb.repeat('~', anchors[0]);
            sb.repeat('^', anchors[1] - anchors[0]);
            sb.repeat('~', end - start - anchors[1]);
        }
        return sb.toString();
    }

    /** {leftEnd, rightStart} of the secondary part of a binary operation or subscript, or null. */
    private static int[] anchors(int[] segment) {
        Node.Expr expr;
        try {
            expr = Parser.parseExpression(new String(segment, 0, segment.length), "<segment>");
        } catch (RuntimeException notAnExpression) {
            return null;
        }
        if (expr instanceof Node.BinOp binOp) {
            Node.Pos left = binOp.left().pos();
            Node.Pos right = binOp.right().pos();
            if (left.endLine() != 1 || right.line() != 1) return null;
            int op = skipBlanksAndClosers(segment, left.endCol());
            if (op >= right.col()) return null;
            int opEnd = op + 1;
            if (opEnd < right.col() && !Character.isWhitespace(segment[opEnd])) opEnd++;
            return new int[] {op, opEnd};
        }
        if (expr instanceof Node.Subscript subscript) {
            Node.Pos value = subscript.value().pos();
            Node.Pos slice = subscript.slice().pos();
            if (value.endLine() != 1 || slice.endLine() != 1) return null;
            int open = skipBlanksAndClosers(segment, value.endCol());
            int close = skipBlanksAndClosers(segment, slice.endCol());
            if (close >= segment.length || segment[close] != ']') return null;
            return new int[] {open, close + 1};
        }
        return null;
    }

    private static int skipBlanksAndClosers(int[] segment, int from) {
        int i = from;
        while (i < segment.length && (Character.isWhitespace(segment[i]) || segment[i] == ')')) i++;
        return i;
    }
}
