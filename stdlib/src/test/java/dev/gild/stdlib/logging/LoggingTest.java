package dev.gild.stdlib.logging;

import static dev.gild.stdlib.io.PythonRunner.repr;
import static dev.gild.stdlib.io.PythonRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.runtime.PyDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** logging, warnings and traceback output, compared with CPython 3.11's. */
class LoggingTest {
    @TempDir Path dir;

    @Test
    void hierarchyLevelsFormatsAndFiles() throws Exception {
        PyDict g = run(dir, """
                import logging, io
                buf = io.StringIO()
                h = logging.StreamHandler(buf)
                h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(funcName)s|%(threadName)s|%(message)s"))
                app = logging.getLogger("app")
                app.addHandler(h)
                app.setLevel(logging.INFO)
                child = logging.getLogger("app.db")
                def query():
                    child.debug("hidden")
                    child.info("rows=%d", 3)
                    try:
                        {}["k"]
                    except KeyError:
                        child.exception("lookup failed")
                query()
                text = buf.getvalue().splitlines()
                reprs = repr(child), repr(logging.getLogger()), child.parent is app
                logging.basicConfig(filename="out.log", filemode="w", format="%(levelname)s:%(message)s", force=True)
                logging.warning("to the file")
                logging.shutdown()
                """);
        assertEquals("['INFO|app.db|query|MainThread|rows=3', 'ERROR|app.db|query|MainThread|lookup failed', "
                + "'Traceback (most recent call last):', '  File \"<test>\", line 13, in query', "
                + "\"KeyError: 'k'\"]", repr(g, "text"));
        assertEquals("('<Logger app.db (INFO)>', '<RootLogger root (WARNING)>', True)", repr(g, "reprs"));
        assertEquals("WARNING:to the file\n", Files.readString(dir.resolve("out.log")));
    }

    @Test
    void warningsFormatOnceAndCatch() {
        PyDict g = run(dir, """
                import warnings, io, sys
                err = io.StringIO()
                sys.stderr = err
                for i in range(2):
                    warnings.warn("careful")
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    warnings.warn("a", DeprecationWarning)
                    warnings.warn("b", DeprecationWarning)
                sys.stderr = sys.__stderr__
                shown = err.getvalue()
                kinds = [(w.category.__name__, str(w.message)) for w in caught]
                """);
        assertEquals("'<test>:5: UserWarning: careful\\n'", repr(g, "shown"));
        assertEquals("[('DeprecationWarning', 'a'), ('DeprecationWarning', 'b')]", repr(g, "kinds"));
    }

    @Test
    void tracebackFormatting() {
        PyDict g = run(dir, """
                import traceback
                def inner():
                    raise ValueError("bad")
                try:
                    try:
                        inner()
                    except ValueError as e:
                        raise RuntimeError("outer") from e
                except RuntimeError as e:
                    lines = traceback.format_exception(e)
                    exc_only = traceback.format_exception_only(type(e), e)
                    frames = [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__.tb_next or e.__traceback__)]
                    text = traceback.format_exc()
                """);
        assertEquals("['Traceback (most recent call last):\\n', '  File \"<test>\", line 6, in <module>\\n', "
                + "'  File \"<test>\", line 3, in inner\\n', 'ValueError: bad\\n', "
                + "'\\nThe above exception was the direct cause of the following exception:\\n\\n', "
                + "'Traceback (most recent call last):\\n', '  File \"<test>\", line 8, in <module>\\n', "
                + "'RuntimeError: outer\\n']", repr(g, "lines"));
        assertEquals("['RuntimeError: outer\\n']", repr(g, "exc_only"));
        assertEquals("[('<module>', 8)]", repr(g, "frames"));
        assertEquals(dev.gild.stdlib.io.PythonRunner.str(g, "text"),
                String.join("", (Iterable<String>) () -> java.util.Arrays.stream(dev.gild.runtime.Ops.toArray(g.getStr("lines")))
                        .map(Object::toString).iterator()));
    }
}
