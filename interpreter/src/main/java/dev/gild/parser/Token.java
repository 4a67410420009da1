package dev.gild.parser;

/**
 * One token. Lines are 1-based, columns 0-based and counted in code points; the end is exclusive.
 *
 * @param text   the identifier for NAME (NFKC-normalised), the raw source text for NUMBER and
 *               STRING (prefix and quotes included), the symbol for operators and keywords
 * @param level  the bracket nesting depth in force where the token starts
 * @param value  the parsed number for NUMBER, the exception for ERROR, otherwise null
 */
public record Token(TokenKind kind, String text, int line, int col, int endLine, int endCol,
                    int level, Object value) {
    @Override
    public String toString() {
        return kind + (text != null ? "'" + text + "'" : "") + "@" + line + ":" + col;
    }
}
