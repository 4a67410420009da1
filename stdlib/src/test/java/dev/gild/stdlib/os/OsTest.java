package dev.gild.stdlib.os;

import static dev.gild.stdlib.io.PythonRunner.repr;
import static dev.gild.stdlib.io.PythonRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.runtime.PyDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** os, os.path, shutil, glob, fnmatch, tempfile and pathlib on a real directory tree. */
class OsTest {
    @TempDir Path dir;

    @Test
    void chdirMovesRelativePathsOfOpenAndOs() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        PyDict g = run(dir, """
                import os
                os.chdir("sub")
                with open("f.txt", "w") as f:
                    f.write("x")
                here = os.path.basename(os.getcwd())
                listing = os.listdir(".")
                try:
                    os.chdir("missing")
                except FileNotFoundError as e:
                    err = str(e)
                """);
        assertEquals("'sub'", repr(g, "here"));
        assertEquals("['f.txt']", repr(g, "listing"));
        assertEquals("\"[Errno 2] No such file or directory: 'missing'\"", repr(g, "err"));
        assertTrue(Files.exists(dir.resolve("sub/f.txt")));
    }

    @Test
    void makedirsWalkStatRemove() {
        PyDict g = run(dir, """
                import os
                os.makedirs("a/b/c")
                os.makedirs("a/b/c", exist_ok=True)
                for name in ("a/1.txt", "a/b/2.txt"):
                    with open(name, "w") as f:
                        f.write("12345")
                walked = [(root, sorted(dirs), sorted(files)) for root, dirs, files in os.walk("a")]
                size = os.stat("a/1.txt").st_size
                entries = sorted((e.name, e.is_dir()) for e in os.scandir("a"))
                os.remove("a/1.txt")
                try:
                    os.rmdir("a/b")
                except OSError as e:
                    not_empty = type(e).__name__ + " " + str(e.errno)
                try:
                    os.makedirs("a/b")
                except FileExistsError as e:
                    exists = e.filename
                os.rename("a/b/2.txt", "a/moved.txt")
                os.removedirs("a/b/c")
                left = sorted(os.listdir("a"))
                """);
        assertEquals("[('a', ['b'], ['1.txt']), ('a/b', ['c'], ['2.txt']), ('a/b/c', [], [])]", repr(g, "walked"));
        assertEquals("5", repr(g, "size"));
        assertEquals("[('1.txt', False), ('b', True)]", repr(g, "entries"));
        assertEquals("'OSError 39'", repr(g, "not_empty"));
        assertEquals("'a/b'", repr(g, "exists"));
        assertEquals("['moved.txt']", repr(g, "left"));
    }

    @Test
    void pathFunctionsMatchCPython() {
        PyDict g = run(dir, """
                import os.path as p
                r = [p.join("a", "/b", "c"), p.split("a/b/"), p.splitext(".bashrc"), p.splitext("a.b.c"),
                     p.normpath("/../a//./b/.."), p.relpath("/a/b/c", "/a/x"), p.commonpath(["a/b", "a/c"]),
                     p.dirname("/"), p.basename("a/b/"), p.isabs("a"), p.expanduser("x~")]
                """);
        assertEquals("['/b/c', ('a/b', ''), ('.bashrc', ''), ('a.b', '.c'), '/a', '../b/c', 'a', '/', '', False, 'x~']",
                repr(g, "r"));
    }

    @Test
    void shutilGlobTempfileAndPathlib() {
        PyDict g = run(dir, """
                import shutil, glob, tempfile, fnmatch, os
                from pathlib import Path
                base = Path("tree")
                (base / "x" / "y").mkdir(parents=True)
                (base / "x" / "a.py").write_text("print(1)")
                (base / "x" / "y" / "b.py").write_text("print(2)")
                (base / "c.txt").write_bytes(b"c")
                found = sorted(glob.glob("tree/**/*.py", recursive=True))
                rfound = sorted(p.as_posix() for p in base.rglob("*.py"))
                shutil.copytree("tree", "copy")
                copied = sorted(glob.glob("copy/**", recursive=True))
                shutil.rmtree("copy")
                gone = os.path.exists("copy")
                with tempfile.TemporaryDirectory(dir=".") as t:
                    tmp_is_dir = os.path.isdir(t)
                tmp_removed = not os.path.exists(t)
                matched = fnmatch.filter(["a.py", "b.txt", "c.PY"], "*.py")
                parts = Path("/usr/lib/x.tar.gz").parts, Path("a/b.c").with_suffix(".d"), repr(Path("a") / "b")
                """);
        assertEquals("['tree/x/a.py', 'tree/x/y/b.py']", repr(g, "found"));
        assertEquals("['tree/x/a.py', 'tree/x/y/b.py']", repr(g, "rfound"));
        assertEquals("['copy/', 'copy/c.txt', 'copy/x', 'copy/x/a.py', 'copy/x/y', 'copy/x/y/b.py']", repr(g, "copied"));
        assertEquals("False", repr(g, "gone"));
        assertEquals("True", repr(g, "tmp_is_dir"));
        assertEquals("True", repr(g, "tmp_removed"));
        assertEquals("['a.py']", repr(g, "matched"));
        assertEquals("(('/', 'usr', 'lib', 'x.tar.gz'), PosixPath('a/b.d'), \"PosixPath('a/b')\")", repr(g, "parts"));
        assertFalse(Files.exists(dir.resolve("copy")));
    }
}
