package dev.gild.parser;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns source text into {@link Token}s following CPython 3.11's tokenizer: INDENT/DEDENT from an
 * indentation stack (tabs to the next multiple of 8, with a second tab-size-1 stack to detect
 * ambiguous mixes of tabs and spaces), implicit line joining inside brackets, backslash
 * continuation, and numbers and string literals as whole tokens (strings are decoded later by
 * {@link StringLiterals}).
 *
 * <p>The whole input is tokenized up front, in one pass over an array of code points (so columns
 * are counted in code points). A lexical error does not throw: it ends the token list with an
 * {@link TokenKind#ERROR} token carrying the exception, which the parser raises when it reaches
 * it, or earlier in place of a syntax error it found before it (CPython reports tokenizer errors
 * anywhere in the file in preference to a parser error).
 */
public final class Lexer {
    /** CPython's MAXLEVEL: deeper bracket nesting is "too many nested parentheses". */
    public static final int MAX_BRACKET_DEPTH = 200;
    /** CPython's MAXINDENT: deeper blocks are "too many levels of indentation". */
    public static final int MAX_INDENT_DEPTH = 100;
    private static final int EOF = -1;

    private final int[] cps;
    private final int length;
    private final String filename;
    private final boolean trackIndentation;
    /** True for an f-string replacement field, which CPython parses as if parenthesised. */
    private final boolean implicitParens;
    private final ArrayList<Token> tokens = new ArrayList<>();
    /** Open brackets, innermost last. */
    private final ArrayList<Token> brackets = new ArrayList<>();
    private final int[] indentCols = new int[MAX_INDENT_DEPTH + 1];
    private final int[] altIndentCols = new int[MAX_INDENT_DEPTH + 1];
    private int indentTop;
    /** Deepest nesting seen: open brackets plus indentation levels (plus brackets inside f-strings). */
    private int maxNesting;

    private int pos;
    private int line = 1;
    private int lineStart;
    private int[] lineStarts;

    /**
     * @param trackIndentation false for eval() input, where leading whitespace means nothing and
     *                         no INDENT/DEDENT tokens are produced
     */
    public Lexer(String source, String filename, boolean trackIndentation) {
        int[] codePoints = source.codePoints().toArray();
        int start = codePoints.length > 0 && codePoints[0] == 0xFEFF ? 1 : 0;
        this.cps = codePoints;
        this.pos = start;
        this.lineStart = start;
        this.length = codePoints.length;
        this.filename = filename;
        this.trackIndentation = trackIndentation;
        this.implicitParens = false;
        tokenize();
    }

    /**
     * Tokenizes the expression of an f-string replacement field, which starts at
     * {@code firstLine:firstCol} of the file, so that token positions are the file's.
     */
    Lexer(int[] expression, String filename, int firstLine, int firstCol) {
        this.cps = expression;
        this.length = expression.length;
        this.filename = filename;
        this.trackIndentation = false;
        this.implicitParens = true;
        this.line = firstLine;
        this.lineStart = -firstCol;
        tokenize();
    }

    /** All tokens; the last one is END or ERROR. */
    public List<Token> tokens() {
        return tokens;
    }

    /** The brackets still open at the end of input, innermost last (empty when balanced). */
    public List<Token> unclosedBrackets() {
        return brackets;
    }

    /**
     * The deepest nesting of brackets and blocks in the input (brackets inside f-string fields
     * included), which bounds how deep the parser will recurse.
     */
    public int maxNesting() {
        return maxNesting;
    }

    /** The code points of the source (after a BOM, if any, which index 0 may still hold). */
    int[] codePoints() {
        return cps;
    }

    public String filename() {
        return filename;
    }

    /** The text of 1-based line {@code n} without its line break, or null past the end. */
    public String lineText(int n) {
        if (lineStarts == null) {
            lineStarts = computeLineStarts();
        }
        if (n < 1 || n > lineStarts.length) {
            return null;
        }
        int start = lineStarts[n - 1];
        int end = start;
        while (end < length && cps[end] != '\n' && cps[end] != '\r') {
            end++;
        }
        return new String(cps, start, end - start);
    }

    private int[] computeLineStarts() {
        int count = 1;
        for (int i = 0; i < length; i++) {
            if (cps[i] == '\n' || (cps[i] == '\r' && (i + 1 >= length || cps[i + 1] != '\n'))) {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        starts[0] = length > 0 && cps[0] == 0xFEFF ? 1 : 0;
        for (int i = 0; i < length; i++) {
            if (cps[i] == '\n' || (cps[i] == '\r' && (i + 1 >= length || cps[i + 1] != '\n'))) {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }

    /** Builds an exception located at 1-based {@code offset} of {@code errLine}. */
    SyntaxErrorException error(String kind, String message, int errLine, int offset, int endLine, int endOffset) {
        return new SyntaxErrorException(kind, message, filename, errLine, offset, endLine, endOffset,
                lineText(errLine));
    }

    // ------------------------------------------------------------------ main loop

    private int peekChar(int ahead) {
        int i = pos + ahead;
        return i < length ? cps[i] : EOF;
    }

    private int col() {
        return pos - lineStart;
    }

    /** Consumes the line break at pos (\n, \r\n or \r) and starts a new line. */
    private void consumeNewline() {
        if (cps[pos] == '\r' && pos + 1 < length && cps[pos + 1] == '\n') {
            pos += 2;
        } else {
            pos++;
        }
        line++;
        lineStart = pos;
    }

    private static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    private void add(TokenKind kind, String text, int startLine, int startCol, Object value) {
        tokens.add(new Token(kind, text, startLine, startCol, line, col(), brackets.size(), value));
    }

    private void addError(SyntaxErrorException e) {
        tokens.add(new Token(TokenKind.ERROR, null, e.line, Math.max(e.offset - 1, 0), e.line,
                Math.max(e.offset - 1, 0), brackets.size(), e));
    }

    /**
     * Reports a malformed number. CPython places these at the column where scanning stopped,
     * used unchanged as the 1-based offset.
     */
    private void numberError(String message) {
        addError(error("SyntaxError", message, line, col(), line, col()));
    }

    /** Reports an error located at code-point column {@code col} (0-based) of the current line. */
    private void errorAtCol(String message, int col) {
        addError(error("SyntaxError", message, line, col + 1, line, col + 1));
    }

    private void tokenize() {
        boolean atLineStart = true;
        boolean lineHasTokens = false;
        while (true) {
            if (atLineStart) {
                atLineStart = false;
                int indentCol = 0;
                int altCol = 0;
                while (pos < length) {
                    int c = cps[pos];
                    if (c == ' ') {
                        indentCol++;
                        altCol++;
                    } else if (c == '\t') {
                        indentCol = (indentCol / 8 + 1) * 8;
                        altCol++;
                    } else if (c == '\f') {
                        indentCol = 0;
                        altCol = 0;
                    } else {
                        break;
                    }
                    pos++;
                }
                int c = peekChar(0);
                boolean blank = c == '#' || isNewline(c) || c == EOF;
                if (!blank && trackIndentation && brackets.isEmpty() && !indent(indentCol, altCol)) {
                    return;
                }
            }
            int c = skipSpaces();
            int startCol = col();
            int startLine = line;
            if (c == EOF) {
                finish(lineHasTokens);
                return;
            }
            if (c == '#') {
                while (pos < length && !isNewline(cps[pos])) {
                    pos++;
                }
                continue;
            }
            if (isNewline(c)) {
                boolean emit = lineHasTokens && brackets.isEmpty() && !implicitParens;
                consumeNewline();
                if (emit) {
                    tokens.add(new Token(TokenKind.NEWLINE, null, startLine, startCol, startLine,
                            startCol + 1, 0, null));
                    lineHasTokens = false;
                }
                atLineStart = true;
                continue;
            }
            if (c == '\\') {
                int next = peekChar(1);
                if (isNewline(next)) {
                    pos++;
                    consumeNewline();
                    if (pos >= length) {
                        addError(error("SyntaxError", "unexpected EOF while parsing", startLine,
                                startCol + 2, startLine, startCol + 2));
                        return;
                    }
                    continue;
                }
                if (next == EOF) {
                    addError(error("SyntaxError", "unexpected EOF while parsing", line, startCol + 2,
                            line, startCol + 2));
                } else {
                    errorAtCol("unexpected character after line continuation character", startCol + 1);
                }
                return;
            }
            boolean ok;
            if (isIdentifierStartChar(c)) {
                ok = nameOrString();
            } else if (isDigit(c) || (c == '.' && isDigit(peekChar(1)))) {
                ok = number();
            } else if (c == '"' || c == '\'') {
                ok = string(pos);
            } else {
                ok = operator(c);
            }
            if (!ok) {
                return;
            }
            lineHasTokens = true;
        }
    }

    private int skipSpaces() {
        while (pos < length) {
            int c = cps[pos];
            if (c != ' ' && c != '\t' && c != '\f') {
                return c;
            }
            pos++;
        }
        return EOF;
    }

    /** Compares a new line's indentation with the stack, emitting INDENT/DEDENT; false after an error. */
    private boolean indent(int indentCol, int altCol) {
        int top = indentTop;
        if (indentCol == indentCols[top]) {
            if (altCol != altIndentCols[top]) {
                return tabError();
            }
        } else if (indentCol > indentCols[top]) {
            if (top + 1 >= MAX_INDENT_DEPTH) {
                addError(error("IndentationError", "too many levels of indentation", line, col() + 1,
                        line, col() + 1));
                return false;
            }
            if (altCol <= altIndentCols[top]) {
                return tabError();
            }
            indentTop = top + 1;
            maxNesting = Math.max(maxNesting, indentTop + brackets.size());
            indentCols[indentTop] = indentCol;
            altIndentCols[indentTop] = altCol;
            tokens.add(new Token(TokenKind.INDENT, null, line, 0, line, col(), 0, null));
        } else {
            while (indentTop > 0 && indentCol < indentCols[indentTop]) {
                indentTop--;
                tokens.add(new Token(TokenKind.DEDENT, null, line, col(), line, col(), 0, null));
            }
            if (indentCol != indentCols[indentTop]) {
                // CPython reports this one at the end of the offending line.
                int lineLength = lineText(line).codePointCount(0, lineText(line).length());
                addError(error("IndentationError", "unindent does not match any outer indentation level",
                        line, lineLength + 1, line, lineLength + 1));
                return false;
            }
            if (altCol != altIndentCols[indentTop]) {
                return tabError();
            }
        }
        return true;
    }

    private boolean tabError() {
        addError(error("TabError", "inconsistent use of tabs and spaces in indentation", line, 1, line, 1));
        return false;
    }

    /** End of input: the implicit NEWLINE, the DEDENTs that close every block, then END. */
    private void finish(boolean lineHasTokens) {
        if (brackets.isEmpty()) {
            if (lineHasTokens && !implicitParens) {
                tokens.add(new Token(TokenKind.NEWLINE, null, line, col(), line, col() + 1, 0, null));
            }
            int endLine = col() == 0 ? line : line + 1;
            while (indentTop > 0) {
                indentTop--;
                tokens.add(new Token(TokenKind.DEDENT, null, endLine, 0, endLine, 0, 0, null));
            }
            tokens.add(new Token(TokenKind.END, null, endLine, 0, endLine, 0, 0, null));
        } else {
            tokens.add(new Token(TokenKind.END, null, line, col(), line, col(), brackets.size(), null));
        }
    }

    // ------------------------------------------------------------------ names

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStartChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
    }

    private static boolean isIdentifierChar(int c) {
        return isIdentifierStartChar(c) || isDigit(c);
    }

    private boolean nameOrString() {
        int start = pos;
        int startCol = col();
        boolean ascii = true;
        while (pos < length && isIdentifierChar(cps[pos])) {
            if (cps[pos] >= 128) {
                ascii = false;
            }
            pos++;
        }
        int c = peekChar(0);
        if ((c == '"' || c == '\'') && pos - start <= 2 && isStringPrefix(start, pos - start)) {
            return string(start);
        }
        if (!ascii && !validIdentifier(start)) {
            return false;
        }
        String text = new String(cps, start, pos - start);
        if (!ascii) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        TokenKind keyword = TokenKind.keyword(text);
        if (keyword != null) {
            add(keyword, keyword.symbol, line, startCol, null);
        } else {
            add(TokenKind.NAME, text, line, startCol, null);
        }
        return true;
    }

    private boolean isStringPrefix(int start, int len) {
        int a = Character.toLowerCase(cps[start]);
        if (len == 1) {
            return a == 'r' || a == 'u' || a == 'b' || a == 'f';
        }
        int b = Character.toLowerCase(cps[start + 1]);
        return (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
    }

    /** Checks a non-ASCII identifier, reporting the first character that cannot be part of one. */
    private boolean validIdentifier(int start) {
        for (int i = start; i < pos; i++) {
            int c = cps[i];
            boolean ok = c < 128 || (i == start
                    ? Character.isUnicodeIdentifierStart(c)
                    : Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
            if (!ok) {
                int col = i - lineStart;
                String message = isPrintable(c)
                        ? String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(c)), c)
                        : String.format("invalid non-printable character U+%04X", c);
                errorAtCol(message, col);
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && (type != Character.SPACE_SEPARATOR || c == ' ');
    }

    // ------------------------------------------------------------------ strings

    /**
     * Scans a string literal whose prefix starts at {@code start} and whose opening quote is at
     * pos. Escapes are only skipped here; {@link StringLiterals} decodes them.
     */
    private boolean string(int start) {
        int startCol = start - lineStart;
        int startLine = line;
        int quote = cps[pos];
        boolean triple = peekChar(1) == quote && peekChar(2) == quote;
        pos += triple ? 3 : 1;
        while (true) {
            if (pos >= length) {
                return unterminated(triple, startLine, startCol);
            }
            int c = cps[pos];
            if (c == '\\') {
                pos++;
                if (pos >= length) {
                    return unterminated(triple, startLine, startCol);
                }
                if (isNewline(cps[pos])) {
                    consumeNewline();
                } else {
                    pos++;
                }
            } else if (isNewline(c)) {
                if (!triple) {
                    return unterminated(false, startLine, startCol);
                }
                consumeNewline();
            } else if (c == 0) {
                return nullByte();
            } else if (c == quote) {
                if (!triple) {
                    pos++;
                    break;
                }
                if (peekChar(1) == quote && peekChar(2) == quote) {
                    pos += 3;
                    break;
                }
                pos++;
            } else {
                pos++;
            }
        }
        add(TokenKind.STRING, new String(cps, start, pos - start), startLine, startCol, null);
        if (start < pos && isFString(start)) {
            int depth = 0;
            for (int i = start; i < pos; i++) {
                int c = cps[i];
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                    maxNesting = Math.max(maxNesting, depth + brackets.size() + indentTop);
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                }
            }
        }
        return true;
    }

    private boolean isFString(int start) {
        for (int i = start; cps[i] != '\'' && cps[i] != '"'; i++) {
            if (cps[i] == 'f' || cps[i] == 'F') {
                return true;
            }
        }
        return false;
    }

    private boolean unterminated(boolean triple, int startLine, int startCol) {
        int detectedAt = pos > 0 && pos <= length && isNewline(cps[pos - 1]) && line > startLine ? line - 1 : line;
        String message = triple
                ? "unterminated triple-quoted string literal (detected at line " + detectedAt + ")"
                : "unterminated string literal (detected at line " + detectedAt + ")";
        addError(error("SyntaxError", message, startLine, startCol + 1, startLine, startCol + 1));
        return false;
    }

    private boolean nullByte() {
        errorAtCol("source code cannot contain null bytes", col());
        return false;
    }

    // ------------------------------------------------------------------ numbers

    /** Scans a number literal with CPython's rules and error messages, and computes its value. */
    private boolean number() {
        int start = pos;
        int startCol = col();
        int c = cps[pos];
        if (c == '0' && (peekChar(1) | 0x20) == 'x') {
            return radixNumber(start, 16, "hexadecimal");
        }
        if (c == '0' && (peekChar(1) | 0x20) == 'o') {
            return radixNumber(start, 8, "octal");
        }
        if (c == '0' && (peekChar(1) | 0x20) == 'b') {
            return radixNumber(start, 2, "binary");
        }
        boolean isFloat = false;
        if (c == '0') {
            // Zeros, possibly with underscores, then maybe a float part; "0123" is not allowed.
            while (peekChar(0) == '0') {
                pos++;
                if (peekChar(0) == '_') {
                    pos++;
                    if (!isDigit(peekChar(0))) {
                        numberError("invalid decimal literal");
                        return false;
                    }
                }
            }
            int zerosEnd = col();
            boolean nonZero = false;
            if (isDigit(peekChar(0))) {
                nonZero = true;
                if (!decimalTail()) {
                    return false;
                }
            }
            int next = peekChar(0);
            if (next != '.' && next != 'e' && next != 'E' && next != 'j' && next != 'J' && nonZero) {
                addError(error("SyntaxError", "leading zeros in decimal integer literals are not permitted; "
                        + "use an 0o prefix for octal integers", line, startCol + 1, line, zerosEnd + 1));
                return false;
            }
        } else if (c != '.') {
            if (!decimalTail()) {
                return false;
            }
        }
        if (peekChar(0) == '.') {
            isFloat = true;
            pos++;
            if (isDigit(peekChar(0)) && !decimalTail()) {
                return false;
            }
        }
        int e = peekChar(0);
        if (e == 'e' || e == 'E') {
            int ePos = pos;
            pos++;
            int sign = peekChar(0);
            if (sign == '+' || sign == '-') {
                pos++;
                if (!isDigit(peekChar(0))) {
                    numberError("invalid decimal literal");
                    return false;
                }
            } else if (!isDigit(sign)) {
                // "1else": the e starts a keyword, not an exponent.
                pos = ePos;
                return finishNumber(start, startCol, isFloat, false, "decimal");
            }
            isFloat = true;
            if (!decimalTail()) {
                return false;
            }
        }
        int j = peekChar(0);
        if (j == 'j' || j == 'J') {
            pos++;
            return finishNumber(start, startCol, true, true, "imaginary");
        }
        return finishNumber(start, startCol, isFloat, false, "decimal");
    }

    /** Digits with single underscores between them; pos is on the first digit. */
    private boolean decimalTail() {
        while (true) {
            while (isDigit(peekChar(0))) {
                pos++;
            }
            if (peekChar(0) != '_') {
                return true;
            }
            pos++;
            if (!isDigit(peekChar(0))) {
                numberError("invalid decimal literal");
                return false;
            }
        }
    }

    private boolean radixNumber(int start, int radix, String kindName) {
        int startCol = col();
        pos += 2;
        do {
            if (peekChar(0) == '_') {
                pos++;
            }
            int c = peekChar(0);
            if (Character.digit(c, radix) < 0 || c >= 128) {
                if (radix < 10 && isDigit(c)) {
                    pos++;
                    numberError("invalid digit '" + (char) c + "' in " + kindName + " literal");
                } else {
                    numberError("invalid " + kindName + " literal");
                }
                return false;
            }
            while (peekChar(0) < 128 && Character.digit(peekChar(0), radix) >= 0) {
                pos++;
            }
        } while (peekChar(0) == '_');
        int c = peekChar(0);
        if (radix < 10 && isDigit(c)) {
            pos++;
            numberError("invalid digit '" + (char) c + "' in " + kindName + " literal");
            return false;
        }
        if (!verifyEndOfNumber(kindName)) {
            return false;
        }
        String digits = stripUnderscores(start + 2, pos);
        add(TokenKind.NUMBER, new String(cps, start, pos - start), line, startCol, integerValue(digits, radix));
        return true;
    }

    private boolean finishNumber(int start, int startCol, boolean isFloat, boolean imaginary, String kindName) {
        if (!verifyEndOfNumber(kindName)) {
            return false;
        }
        String text = new String(cps, start, pos - start);
        Object value;
        if (imaginary) {
            value = new dev.gild.ast.Node.Imaginary(Double.parseDouble(stripUnderscores(start, pos - 1)));
        } else if (isFloat) {
            value = Double.parseDouble(stripUnderscores(start, pos));
        } else {
            value = integerValue(stripUnderscores(start, pos), 10);
        }
        add(TokenKind.NUMBER, text, line, startCol, value);
        return true;
    }

    /**
     * CPython only warns when a number runs into one of the keywords that may follow it in valid
     * code ({@code 1if x else y}); any other identifier character is an error.
     */
    private boolean verifyEndOfNumber(String kindName) {
        int c = peekChar(0);
        if (c == EOF || !isIdentifierChar(c)) {
            return true;
        }
        if (startsKeywordThatMayFollowNumber()) {
            return true;
        }
        numberError("invalid " + kindName + " literal");
        return false;
    }

    private boolean startsKeywordThatMayFollowNumber() {
        for (String keyword : new String[] {"and", "else", "for", "if", "in", "is", "or", "not"}) {
            boolean match = true;
            for (int k = 0; k < keyword.length(); k++) {
                if (peekChar(k) != keyword.charAt(k)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private String stripUnderscores(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (cps[i] != '_') {
                sb.append((char) cps[i]);
            }
        }
        return sb.toString();
    }

    /** A Long when the value fits, otherwise a BigInteger (as the AST contract requires). */
    static Object integerValue(String digits, int radix) {
        int safeLength = switch (radix) {
            case 2 -> 62;
            case 8 -> 20;
            case 16 -> 15;
            default -> 18;
        };
        if (digits.length() <= safeLength) {
            return Long.parseLong(digits, radix);
        }
        BigInteger big = new BigInteger(digits, radix);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    // ------------------------------------------------------------------ operators

    private boolean operator(int c) {
        int startCol = col();
        int c1 = peekChar(1);
        int c2 = peekChar(2);
        TokenKind kind;
        switch (c) {
            case '(' -> kind = TokenKind.LPAR;
            case ')' -> kind = TokenKind.RPAR;
            case '[' -> kind = TokenKind.LSQB;
            case ']' -> kind = TokenKind.RSQB;
            case '{' -> kind = TokenKind.LBRACE;
            case '}' -> kind = TokenKind.RBRACE;
            case ',' -> kind = TokenKind.COMMA;
            case ';' -> kind = TokenKind.SEMI;
            case '~' -> kind = TokenKind.TILDE;
            case ':' -> kind = c1 == '=' ? TokenKind.COLONEQUAL : TokenKind.COLON;
            case '.' -> kind = c1 == '.' && c2 == '.' ? TokenKind.ELLIPSIS : TokenKind.DOT;
            case '+' -> kind = c1 == '=' ? TokenKind.PLUSEQUAL : TokenKind.PLUS;
            case '-' -> kind = c1 == '=' ? TokenKind.MINEQUAL : c1 == '>' ? TokenKind.ARROW : TokenKind.MINUS;
            case '%' -> kind = c1 == '=' ? TokenKind.PERCENTEQUAL : TokenKind.PERCENT;
            case '@' -> kind = c1 == '=' ? TokenKind.ATEQUAL : TokenKind.AT;
            case '&' -> kind = c1 == '=' ? TokenKind.AMPEREQUAL : TokenKind.AMPER;
            case '|' -> kind = c1 == '=' ? TokenKind.VBAREQUAL : TokenKind.VBAR;
            case '^' -> kind = c1 == '=' ? TokenKind.CIRCUMFLEXEQUAL : TokenKind.CIRCUMFLEX;
            case '=' -> kind = c1 == '=' ? TokenKind.EQEQUAL : TokenKind.EQUAL;
            case '!' -> kind = c1 == '=' ? TokenKind.NOTEQUAL : TokenKind.INVALID;
            case '*' -> kind = c1 == '*'
                    ? (c2 == '=' ? TokenKind.DOUBLESTAREQUAL : TokenKind.DOUBLESTAR)
                    : c1 == '=' ? TokenKind.STAREQUAL : TokenKind.STAR;
            case '/' -> kind = c1 == '/'
                    ? (c2 == '=' ? TokenKind.DOUBLESLASHEQUAL : TokenKind.DOUBLESLASH)
                    : c1 == '=' ? TokenKind.SLASHEQUAL : TokenKind.SLASH;
            case '<' -> kind = c1 == '<'
                    ? (c2 == '=' ? TokenKind.LEFTSHIFTEQUAL : TokenKind.LEFTSHIFT)
                    : c1 == '=' ? TokenKind.LESSEQUAL : TokenKind.LESS;
            case '>' -> kind = c1 == '>'
                    ? (c2 == '=' ? TokenKind.RIGHTSHIFTEQUAL : TokenKind.RIGHTSHIFT)
                    : c1 == '=' ? TokenKind.GREATEREQUAL : TokenKind.GREATER;
            default -> kind = TokenKind.INVALID;
        }
        if (kind == TokenKind.INVALID) {
            if (c == 0) {
                return nullByte();
            }
            if (c < 32 || c == 127) {
                errorAtCol(String.format("invalid non-printable character U+%04X", c), startCol);
                return false;
            }
            pos++;
            add(TokenKind.INVALID, new String(Character.toChars(c)), line, startCol, null);
            return true;
        }
        int width = kind.symbol.length();
        int depth = brackets.size();
        switch (kind) {
            case LPAR, LSQB, LBRACE -> {
                if (depth >= MAX_BRACKET_DEPTH) {
                    errorAtCol("too many nested parentheses", startCol);
                    return false;
                }
                pos += width;
                add(kind, kind.symbol, line, startCol, null);
                brackets.add(tokens.get(tokens.size() - 1));
                maxNesting = Math.max(maxNesting, brackets.size() + indentTop);
                return true;
            }
            case RPAR, RSQB, RBRACE -> {
                if (depth == 0) {
                    errorAtCol("unmatched '" + kind.symbol + "'", startCol);
                    return false;
                }
                Token open = brackets.get(depth - 1);
                TokenKind expected = open.kind() == TokenKind.LPAR ? TokenKind.RPAR
                        : open.kind() == TokenKind.LSQB ? TokenKind.RSQB : TokenKind.RBRACE;
                if (kind != expected) {
                    String message = "closing parenthesis '" + kind.symbol
                            + "' does not match opening parenthesis '" + open.kind().symbol + "'"
                            + (open.line() != line ? " on line " + open.line() : "");
                    errorAtCol(message, startCol);
                    return false;
                }
                brackets.remove(depth - 1);
                pos += width;
                tokens.add(new Token(kind, kind.symbol, line, startCol, line, startCol + 1, depth, null));
                return true;
            }
            default -> {
                pos += width;
                add(kind, kind.symbol, line, startCol, null);
                return true;
            }
        }
    }
}
