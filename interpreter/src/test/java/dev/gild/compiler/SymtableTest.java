package dev.gild.compiler;

import dev.gild.compiler.Scope.Binding;
import dev.gild.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How names are bound in each kind of scope, as CPython's symtable decides. */
class SymtableTest {

    private static Symtable table(String source) {
        return Symtable.build(Parser.parseModule(source, "t.py"), new SourceInfo("t.py", source));
    }

    private static Scope child(Scope scope, String name) {
        for (Scope c : scope.children) {
            if (c.name.equals(name)) return c;
        }
        throw new AssertionError("no child scope " + name + " in " + scope.name);
    }

    @Test
    void localsCellsFreeAndGlobals() {
        Symtable t = table(String.join("\n",
                "g = 1",
                "def f(a):",
                "    b = a + g + len",
                "    def inner():",
                "        return a",
                "    return inner"));
        Scope f = child(t.top(), "f");
        assertEquals(Binding.CELL, f.binding("a"));
        assertEquals(Binding.LOCAL, f.binding("b"));
        assertEquals(Binding.GLOBAL_IMPLICIT, f.binding("g"));
        assertEquals(Binding.GLOBAL_IMPLICIT, f.binding("len"));
        assertEquals(Binding.FREE, child(f, "inner").binding("a"));
        assertEquals(List.of("a"), f.cellvars());
        assertTrue(child(f, "inner").nested);
        assertFalse(f.nested);
    }

    @Test
    void classScopesAreInvisibleToMethodsButPassCellsThrough() {
        Symtable t = table(String.join("\n",
                "def f():",
                "    x = 1",
                "    class C:",
                "        x = 2",
                "        def m(self):",
                "            return x",
                "    return C"));
        Scope f = child(t.top(), "f");
        Scope c = child(f, "C");
        assertEquals(Binding.CELL, f.binding("x"));
        // The class binds its own x but also carries f's cell for m.
        assertEquals(Binding.LOCAL, c.binding("x"));
        assertEquals(List.of("x"), c.freevars());
        assertEquals(Binding.FREE, child(c, "m").binding("x"));
    }

    @Test
    void superMakesAClassCell() {
        Symtable t = table("class C:\n    def m(self):\n        return super().m()\n");
        Scope c = child(t.top(), "C");
        assertTrue(c.needsClassClosure);
        assertEquals(List.of("__class__"), c.cellvars());
        assertEquals(Binding.FREE, child(c, "m").binding("__class__"));
    }

    @Test
    void comprehensionsHaveTheirOwnScope() {
        Symtable t = table("def f(xs):\n    return [x for x in xs if (n := x)], n\n");
        Scope f = child(t.top(), "f");
        Scope comp = child(f, "<listcomp>");
        assertEquals(List.of(".0"), comp.params);
        assertEquals(Binding.LOCAL, comp.binding("x"));
        // xs is read by the enclosing function: the first iterable is evaluated there
        assertNull(comp.binding("xs"));
        assertEquals(Binding.LOCAL, f.binding("xs"));
        // the walrus target binds in f
        assertEquals(Binding.CELL, f.binding("n"));
        assertEquals(Binding.FREE, comp.binding("n"));
    }

    @Test
    void globalDeclarationsReachTheModule() {
        Symtable t = table("def f():\n    global counter\n    counter = 1\n");
        assertEquals(Binding.GLOBAL_EXPLICIT, child(t.top(), "f").binding("counter"));
        assertEquals(Binding.GLOBAL_EXPLICIT, t.top().binding("counter"));
    }

    @Test
    void privateNamesAreMangled() {
        Symtable t = table("class C:\n    __x = 1\n    def m(self, __y):\n        return __y\n");
        Scope c = child(t.top(), "C");
        assertEquals(Binding.LOCAL, c.binding("_C__x"));
        assertEquals(List.of("self", "_C__y"), child(c, "m").params);
        assertEquals("_C__x", Symtable.mangle("__C", "__x"));
        assertEquals("__x__", Symtable.mangle("C", "__x__"));
        assertEquals("__x", Symtable.mangle("___", "__x"));
    }

    @Test
    void generatorsAreDetectedByYield() {
        Symtable t = table("def g():\n    if False:\n        yield\ndef h():\n    return (x for x in y)\n");
        assertTrue(child(t.top(), "g").isGenerator());
        Scope h = child(t.top(), "h");
        assertFalse(h.isGenerator());
        assertTrue(child(h, "<genexpr>").isGenerator());
    }
}
