package dev.gild.compiler;

import dev.gild.ast.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scope of the symbol table (CPython's {@code PySTEntryObject}): the names it uses, how each
 * one is bound once the whole file has been analysed, and the scopes nested in it.
 */
public final class Scope {
    /** What opened the scope. Lambdas and comprehensions are functions with their own kind. */
    public enum Kind {
        MODULE, CLASS, FUNCTION, LAMBDA, COMPREHENSION;

        /** Whether names live in fast locals (CPython's FunctionBlock). */
        public boolean isFunctionLike() { return this == FUNCTION || this == LAMBDA || this == COMPREHENSION; }
    }

    /** Where a name lives, as decided by the analysis (CPython's LOCAL, GLOBAL_EXPLICIT, ...). */
    public enum Binding { LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL }

    // How a name is used in the scope, before analysis (CPython's DEF_* flags).
    static final int DEF_GLOBAL = 1;
    static final int DEF_LOCAL = 2;
    static final int DEF_PARAM = 4;
    static final int DEF_NONLOCAL = 8;
    static final int USE = 16;
    static final int DEF_FREE_CLASS = 64;
    static final int DEF_IMPORT = 128;
    static final int DEF_ANNOT = 256;
    static final int DEF_COMP_ITER = 512;
    static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

    public final Kind kind;
    /** The code object name: the def or class name, {@code <module>}, {@code <lambda>}, {@code <listcomp>}... */
    public final String name;
    public final int line;
    /** Whether the scope is inside a function (CPython's ste_nested, the NESTED code flag). */
    public final boolean nested;

    final Map<String, Integer> flags = new LinkedHashMap<>();
    final Map<String, Binding> bindings = new HashMap<>();
    /** Parameters in varnames order (the implicit {@code .0} of a comprehension included). */
    final List<String> params = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();
    /** Position of the first global/nonlocal declaration (or walrus target) of each name, for errors. */
    final Map<String, Node.Pos> directives = new HashMap<>();

    boolean generator;
    boolean varargs;
    boolean varkeywords;
    /** A method uses {@code __class__} (or zero-argument super()): the class body gets the cell. */
    boolean needsClassClosure;
    /** For comprehensions, the wording of "'yield' inside list comprehension" errors. */
    String comprehensionDescription;
    /** Store targets of a comprehension's for clause are being visited. */
    boolean compIterTarget;
    /** Depth inside a comprehension's iterable expression, where walrus is forbidden. */
    int compIterExpr;

    Scope(Kind kind, String name, int line, boolean nested) {
        this.kind = kind;
        this.name = name;
        this.line = line;
        this.nested = nested;
    }

    public boolean isFunctionLike() { return kind.isFunctionLike(); }

    public boolean isGenerator() { return generator; }

    /** The binding of a (mangled) name, or null when the scope never saw it. */
    public Binding binding(String name) { return bindings.get(name); }

    int flagsOf(String name) { return flags.getOrDefault(name, 0); }

    /** Names that nested scopes capture from this one, in CPython's (sorted) order. */
    public List<String> cellvars() {
        List<String> cells = new ArrayList<>();
        if (needsClassClosure) cells.add("__class__");
        cells.addAll(sortedNames(Binding.CELL, 0));
        return cells;
    }

    /** Names this scope captures from enclosing scopes, in CPython's (sorted) order. */
    public List<String> freevars() { return sortedNames(Binding.FREE, DEF_FREE_CLASS); }

    private List<String> sortedNames(Binding wanted, int orFlag) {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Integer> e : flags.entrySet()) {
            if (bindings.get(e.getKey()) == wanted || (e.getValue() & orFlag) != 0) result.add(e.getKey());
        }
        result.sort(Scope::compareCodePoints);
        return result;
    }

    /** Python's str ordering (by code point), which CPython uses to number cells. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public String toString() { return kind + " " + name + " " + bindings; }
}
