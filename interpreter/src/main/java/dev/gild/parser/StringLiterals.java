package dev.gild.parser;

import dev.gild.ast.Node;
import dev.gild.ast.Node.Pos;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a run of adjacent string literal tokens into one {@link Node.Constant} (str or bytes)
 * or, when an f-string takes part, a {@link Node.JoinedStr}, following CPython 3.11's
 * {@code string_parser.c}: escapes are decoded here, f-string replacement fields are cut out of
 * the literal text by a small scanner and their expressions handed back to the {@link Parser}.
 *
 * <p>Errors found while combining the literals are reported, as CPython does, at the token that
 * follows the last literal.
 */
final class StringLiterals {
    /** Parses the text of one replacement field, which starts at the given file position. */
    interface FieldParser {
        Node.Expr parse(int[] expression, int line, int col);
    }

    private final Parser parser;
    private final FieldParser fieldParser;
    private final Token after;
    /** Position of the whole concatenation: every Constant and FormattedValue part gets it (as in 3.11). */
    private Pos wholePos;

    /** Literal text not yet flushed into {@link #parts}. */
    private final StringBuilder pending = new StringBuilder();
    private final List<Node.Expr> parts = new ArrayList<>();

    // The literal being decoded.
    private int[] cps;
    private Token token;
    private boolean raw;

    private StringLiterals(Parser parser, FieldParser fieldParser, Token after) {
        this.parser = parser;
        this.fieldParser = fieldParser;
        this.after = after;
    }

    /**
     * @param strings the adjacent STRING tokens, at least one
     * @param after   the token after them, where combination errors are reported
     */
    static Node.Expr concatenate(Parser parser, FieldParser fieldParser, List<Token> strings, Token after) {
        return new StringLiterals(parser, fieldParser, after).run(strings);
    }

    private Node.Expr run(List<Token> strings) {
        Token first = strings.get(0);
        Token last = strings.get(strings.size() - 1);
        wholePos = new Pos(first.line(), first.col(), last.endLine(), last.endCol());
        boolean anyBytes = false;
        boolean anyText = false;
        boolean anyFString = false;
        for (Token t : strings) {
            String prefix = prefixOf(t.text());
            boolean isBytes = prefix.indexOf('b') >= 0;
            anyBytes |= isBytes;
            anyText |= !isBytes;
            anyFString |= prefix.indexOf('f') >= 0;
        }
        if (anyBytes && anyText) {
            throw parser.errorAtToken("cannot mix bytes and nonbytes literals", after);
        }
        if (anyBytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Token t : strings) {
                decodeBytes(t, out);
            }
            return new Node.Constant(wholePos, out.toByteArray());
        }
        for (Token t : strings) {
            String prefix = prefixOf(t.text());
            begin(t, prefix);
            int bodyStart = prefix.length() + quoteLength();
            int bodyEnd = cps.length - quoteLength();
            if (prefix.indexOf('f') >= 0) {
                fstring(bodyStart, bodyEnd, 0, pending, parts);
            } else {
                decodeText(bodyStart, bodyEnd, pending);
            }
        }
        if (!anyFString) {
            return new Node.Constant(wholePos, pending.toString());
        }
        flush(pending, parts);
        return new Node.JoinedStr(wholePos, parts);
    }

    private static String prefixOf(String text) {
        int i = 0;
        while (text.charAt(i) != '\'' && text.charAt(i) != '"') {
            i++;
        }
        return text.substring(0, i).toLowerCase();
    }

    private void begin(Token t, String prefix) {
        token = t;
        cps = t.text().codePoints().toArray();
        raw = prefix.indexOf('r') >= 0;
    }

    private int quoteLength() {
        int q = 0;
        while (cps[q] != '\'' && cps[q] != '"') {
            q++;
        }
        return q + 2 < cps.length && cps[q + 1] == cps[q] && cps[q + 2] == cps[q] && cps.length - q >= 6 ? 3 : 1;
    }

    private SyntaxErrorException error(String message) {
        return parser.errorAtToken(message, after);
    }

    // ------------------------------------------------------------------ plain literals

    private void decodeBytes(Token t, ByteArrayOutputStream out) {
        String prefix = prefixOf(t.text());
        begin(t, prefix);
        int start = prefix.length() + quoteLength();
        int end = cps.length - quoteLength();
        for (int i = start; i < end; i++) {
            if (cps[i] >= 128) {
                throw parser.errorAtToken("bytes can only contain ASCII literal characters", t);
            }
        }
        int i = start;
        while (i < end) {
            int c = cps[i];
            if (c != '\\' || raw) {
                out.write(c);
                i++;
                continue;
            }
            int escapeStart = i - start;
            i++;
            int e = cps[i++];
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < end && cps[i] == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.write(e);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case 'x' -> {
                    int value = hexDigits(i, end, 2);
                    if (value < 0) {
                        throw error("(value error) invalid \\x escape at position " + escapeStart);
                    }
                    out.write(value);
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < end && cps[i] >= '0' && cps[i] <= '7'; k++) {
                            value = value * 8 + cps[i++] - '0';
                        }
                        out.write(value & 0xFF);
                    } else {
                        // CPython 3.11 only warns about an unknown escape and keeps it as written.
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
    }

    /** Value of exactly {@code count} hex digits at {@code i}, or -1 when there are fewer. */
    private int hexDigits(int i, int end, int count) {
        if (i + count > end) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < count; k++) {
            int d = cps[i + k] < 128 ? Character.digit(cps[i + k], 16) : -1;
            if (d < 0) {
                return -1;
            }
            value = value * 16 + d;
        }
        return value;
    }

    /** Appends the decoded text of cps[start, end) (a str literal or an f-string's literal part). */
    private void decodeText(int start, int end, StringBuilder out) {
        int i = start;
        while (i < end) {
            int c = cps[i];
            if (c != '\\' || raw) {
                out.appendCodePoint(c);
                i++;
                continue;
            }
            int escapeStart = i - start;
            i++;
            if (i >= end) {
                out.append('\\');
                break;
            }
            int e = cps[i++];
            switch (e) {
                case '\n' -> { }
                case '\r' -> {
                    if (i < end && cps[i] == '\n') {
                        i++;
                    }
                }
                case '\\', '\'', '"' -> out.appendCodePoint(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int value = hexDigits(i, end, count);
                    if (value < 0) {
                        String shape = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
                        int stop = i;
                        while (stop < end && stop < i + count && cps[stop] < 128 && Character.digit(cps[stop], 16) >= 0) {
                            stop++;
                        }
                        throw unicodeError(escapeStart, stop - start - 1, "truncated " + shape + " escape");
                    }
                    if (value > Character.MAX_CODE_POINT || (e == 'U' && hexDigits(i, end, 8) < 0)) {
                        throw unicodeError(escapeStart, i - start + count - 1, "illegal Unicode character");
                    }
                    out.appendCodePoint(value);
                    i += count;
                }
                case 'N' -> i = namedEscape(i, start, end, escapeStart, out);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < end && cps[i] >= '0' && cps[i] <= '7'; k++) {
                            value = value * 8 + cps[i++] - '0';
                        }
                        out.appendCodePoint(value);
                    } else {
                        out.append('\\').appendCodePoint(e);
                    }
                }
            }
        }
    }

    /** Decodes {@code \N{NAME}} whose '{' should be at i; returns the index after it. */
    private int namedEscape(int i, int start, int end, int escapeStart, StringBuilder out) {
        int close = i;
        if (i < end && cps[i] == '{') {
            close = i + 1;
            while (close < end && cps[close] != '}') {
                close++;
            }
        }
        if (i >= end || cps[i] != '{' || close >= end || close == i + 1) {
            throw unicodeError(escapeStart, Math.max(escapeStart + 1, close - start - 1), "malformed \\N character escape");
        }
        String name = new String(cps, i + 1, close - i - 1);
        int codePoint = -1;
        try {
            codePoint = Character.codePointOf(name);
        } catch (IllegalArgumentException unknownName) {
            // Reported below, with CPython's wording.
        }
        if (codePoint < 0) {
            throw unicodeError(escapeStart, close - start, "unknown Unicode character name");
        }
        out.appendCodePoint(codePoint);
        return close + 1;
    }

    private SyntaxErrorException unicodeError(int from, int to, String reason) {
        return error("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + from + "-" + to + ": " + reason);
    }

    // ------------------------------------------------------------------ f-strings

    private static void flushInto(StringBuilder literal, List<Node.Expr> out, Pos pos) {
        if (literal.length() > 0) {
            out.add(new Node.Constant(pos, literal.toString()));
            literal.setLength(0);
        }
    }

    private void flush(StringBuilder literal, List<Node.Expr> out) {
        flushInto(literal, out, wholePos);
    }

    /**
     * Parses f-string text cps[i, end): literal text into {@code literal}, replacement fields
     * (after flushing the literal) into {@code out}. At {@code level} 0 this is the whole body;
     * at level 1 it is a format spec, which ends at an unmatched '}'. Returns where it stopped.
     */
    private int fstring(int i, int end, int level, StringBuilder literal, List<Node.Expr> out) {
        while (i < end) {
            int literalStart = i;
            // Find the end of the literal run, skipping over \N{...} escapes whose braces are not fields.
            while (i < end) {
                int c = cps[i];
                if (c == '\\' && !raw && i + 1 < end) {
                    if (cps[i + 1] == 'N' && i + 2 < end && cps[i + 2] == '{') {
                        i += 3;
                        while (i < end && cps[i] != '}') {
                            i++;
                        }
                        i = Math.min(i + 1, end);
                    } else {
                        i += 2;
                    }
                    continue;
                }
                if (c == '{' || c == '}') {
                    break;
                }
                i++;
            }
            decodeText(literalStart, i, literal);
            if (i >= end) {
                break;
            }
            int c = cps[i];
            if (level == 0 && i + 1 < end && cps[i + 1] == c) {
                literal.appendCodePoint(c);
                i += 2;
                continue;
            }
            if (c == '}') {
                if (level == 0) {
                    throw error("f-string: single '}' is not allowed");
                }
                return i;
            }
            i = field(i + 1, end, level, literal, out);
        }
        return i;
    }

    /** Parses one replacement field whose expression starts at i (just after '{'). */
    private int field(int i, int end, int level, StringBuilder literal, List<Node.Expr> out) {
        if (level >= 2) {
            throw error("f-string: expressions nested too deeply");
        }
        int exprStart = i;
        int quote = 0;
        boolean tripleQuote = false;
        int[] bracketStack = new int[Lexer.MAX_BRACKET_DEPTH];
        int depth = 0;
        for (; i < end; i++) {
            int c = cps[i];
            if (c == '\\') {
                throw error("f-string expression part cannot include a backslash");
            }
            if (quote != 0) {
                if (c == quote) {
                    if (!tripleQuote) {
                        quote = 0;
                    } else if (i + 2 < end && cps[i + 1] == c && cps[i + 2] == c) {
                        i += 2;
                        quote = 0;
                    }
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                tripleQuote = i + 2 < end && cps[i + 1] == c && cps[i + 2] == c;
                if (tripleQuote) {
                    i += 2;
                }
                quote = c;
                continue;
            }
            if (c == '[' || c == '{' || c == '(') {
                if (depth >= bracketStack.length) {
                    throw error("f-string: too many nested parenthesis");
                }
                bracketStack[depth++] = c;
                continue;
            }
            if (c == '#') {
                throw error("f-string expression part cannot include '#'");
            }
            if (depth == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
                if (i + 1 < end && cps[i + 1] == '=' && c != ':' && c != '}') {
                    i++;
                    continue;
                }
                if (c == '>' || c == '<') {
                    continue;
                }
                break;
            }
            if (c == ']' || c == '}' || c == ')') {
                if (depth == 0) {
                    throw error("f-string: unmatched '" + (char) c + "'");
                }
                int opening = bracketStack[--depth];
                if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
                    throw error("f-string: closing parenthesis '" + (char) c
                            + "' does not match opening parenthesis '" + (char) opening + "'");
                }
            }
        }
        if (quote != 0) {
            throw error("f-string: unterminated string");
        }
        if (depth > 0) {
            throw error("f-string: unmatched '" + (char) bracketStack[depth - 1] + "'");
        }
        if (i >= end) {
            throw error("f-string: expecting '}'");
        }
        int exprEnd = i;
        Node.Expr value = compileExpression(exprStart, exprEnd);

        String debugText = null;
        if (cps[i] == '=') {
            i++;
            while (i < end && isAsciiSpace(cps[i])) {
                i++;
            }
            if (i >= end) {
                throw error("f-string: expecting '}'");
            }
            debugText = new String(cps, exprStart, i - exprStart);
        }
        int conversion = -1;
        if (cps[i] == '!') {
            i++;
            if (i >= end) {
                throw error("f-string: expecting '}'");
            }
            conversion = cps[i++];
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        Node.Expr formatSpec = null;
        if (i < end && cps[i] == ':') {
            i++;
            if (i >= end) {
                throw error("f-string: expecting '}'");
            }
            StringBuilder specLiteral = new StringBuilder();
            List<Node.Expr> specParts = new ArrayList<>();
            i = fstring(i, end, level + 1, specLiteral, specParts);
            // As in CPython 3.11, the spec and its final literal take the position of the literal
            // token holding them; every other part spans the whole concatenation.
            Pos tokenPos = new Pos(token.line(), token.col(), token.endLine(), token.endCol());
            flushInto(specLiteral, specParts, tokenPos);
            formatSpec = new Node.JoinedStr(tokenPos, specParts);
        }
        if (i >= end || cps[i] != '}') {
            throw error("f-string: expecting '}'");
        }
        i++;
        if (debugText != null) {
            literal.append(debugText);
            if (formatSpec == null && conversion == -1) {
                conversion = 'r';
            }
        }
        flush(literal, out);
        out.add(new Node.FormattedValue(wholePos, value, conversion, formatSpec));
        return i;
    }

    private static boolean isAsciiSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** Parses cps[start, end) as an expression, with positions mapped back into the file. */
    private Node.Expr compileExpression(int start, int end) {
        boolean blank = true;
        for (int k = start; k < end; k++) {
            if (!isAsciiSpace(cps[k])) {
                blank = false;
                break;
            }
        }
        if (blank) {
            throw error("f-string: empty expression not allowed");
        }
        int line = token.line();
        int col = token.col();
        for (int k = 0; k < start; k++) {
            int c = cps[k];
            if (c == '\n' || (c == '\r' && (k + 1 >= cps.length || cps[k + 1] != '\n'))) {
                line++;
                col = 0;
            } else if (c != '\r') {
                col++;
            }
        }
        int[] expression = new int[end - start];
        System.arraycopy(cps, start, expression, 0, end - start);
        return fieldParser.parse(expression, line, col);
    }
}
