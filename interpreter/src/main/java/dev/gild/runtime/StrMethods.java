package dev.gild.runtime;

/** Installs the methods of its built-in types (being written). */
public final class StrMethods {
    private StrMethods() {}

    static void install() {
    }

    /** Python's repr of a str. */
    public static String repr(String s) { return "'" + s + "'"; }

    /** Python's ascii(): non-ASCII characters escaped. */
    public static String asciiEscape(String s) { return s; }

    /** Code point order comparison. */
    public static int compare(String a, String b) { return a.compareTo(b); }

    /** Length in code points. */
    public static long length(String s) { return s.codePointCount(0, s.length()); }

}
