package dev.gild.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python string operations run.py's checks rely on ({@code splitlines}, {@code strip},
 * {@code repr}), with Python's definitions of a line break and of whitespace, which are wider
 * than Java's.
 */
final class PythonText {

    private PythonText() {
    }

    static boolean isLineBreak(char c) {
        return switch (c) {
            case '\n', '\r', '\u000b', '\u000c', '\u001c', '\u001d', '\u001e', '\u0085', '\u2028', '\u2029' -> true;
            default -> false;
        };
    }

    /** Python's {@code str.isspace} for one character. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Python's {@code str.splitlines(keepends)}. */
    static List<String> splitLines(String text, boolean keepEnds) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isLineBreak(c)) {
                int end = i;
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                lines.add(text.substring(start, keepEnds ? i : end));
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    static String strip(String text) {
        String right = rstrip(text);
        int start = 0;
        while (start < right.length() && isSpace(right.charAt(start))) {
            start++;
        }
        return right.substring(start);
    }

    /** Close to Python's {@code repr(str)}: enough to show where two lines differ. */
    static String repr(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
