package dev.gild.stdlib.io;

import static dev.gild.stdlib.io.PythonRunner.repr;
import static dev.gild.stdlib.io.PythonRunner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.runtime.PyDict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** open() and the io classes on real files; expected values checked against CPython 3.11. */
class IoTest {
    @TempDir Path dir;

    @Test
    void textRoundTripWithAppendAndIteration() throws Exception {
        PyDict g = run(dir, """
                with open("a.txt", "w", encoding="utf-8") as f:
                    n = f.write("one\\ntwo\\n")
                with open("a.txt", "a") as f:
                    print("three", file=f)
                with open("a.txt") as f:
                    lines = [line for line in f]
                r = repr(f)
                """);
        assertEquals("8", repr(g, "n"));
        assertEquals("['one\\n', 'two\\n', 'three\\n']", repr(g, "lines"));
        assertEquals("\"<_io.TextIOWrapper name='a.txt' mode='r' encoding='UTF-8'>\"", repr(g, "r"));
        assertEquals("one\ntwo\nthree\n", Files.readString(dir.resolve("a.txt")));
    }

    @Test
    void universalNewlinesOnReadAndNewlineOnWrite() throws Exception {
        Files.write(dir.resolve("n.txt"), "a\r\nb\rc\n".getBytes(StandardCharsets.US_ASCII));
        PyDict g = run(dir, """
                with open("n.txt") as f:
                    universal = f.readlines()
                with open("n.txt", newline="") as f:
                    untranslated = f.readlines()
                with open("w.txt", "w", newline="\\r\\n") as f:
                    f.write("x\\ny\\n")
                with open("w.txt", "rb") as f:
                    raw = f.read()
                """);
        assertEquals("['a\\n', 'b\\n', 'c\\n']", repr(g, "universal"));
        assertEquals("['a\\r\\n', 'b\\r', 'c\\n']", repr(g, "untranslated"));
        assertEquals("b'x\\r\\ny\\r\\n'", repr(g, "raw"));
    }

    @Test
    void binarySeekTellTruncateAndRandomAccess() {
        PyDict g = run(dir, """
                with open("b.bin", "wb") as f:
                    f.write(bytes(range(10)))
                with open("b.bin", "r+b") as f:
                    first = f.read(3)
                    f.seek(-2, 2)
                    last = f.read()
                    f.seek(4)
                    f.write(b"XY")
                    pos = f.tell()
                    f.truncate(8)
                with open("b.bin", "rb") as f:
                    data = f.read()
                kinds = type(open("b.bin", "rb")).__name__, type(open("b.bin", "r+b")).__name__
                """);
        assertEquals("b'\\x00\\x01\\x02'", repr(g, "first"));
        assertEquals("b'\\x08\\t'", repr(g, "last"));
        assertEquals("6", repr(g, "pos"));
        assertEquals("b'\\x00\\x01\\x02\\x03XY\\x06\\x07'", repr(g, "data"));
        assertEquals("('BufferedReader', 'BufferedRandom')", repr(g, "kinds"));
    }

    @Test
    void encodingsAndTextTell() {
        PyDict g = run(dir, """
                with open("l.txt", "w", encoding="latin-1") as f:
                    f.write("café")
                with open("l.txt", "rb") as f:
                    latin = f.read()
                with open("u.txt", "w", encoding="utf-16") as f:
                    f.write("hé")
                with open("u.txt", encoding="utf-16") as f:
                    utf16 = f.read()
                with open("t.txt", "w", encoding="utf-8") as f:
                    f.write("é1\\nb2\\n")
                with open("t.txt", encoding="utf-8") as f:
                    f.readline()
                    t = f.tell()
                    rest = f.read()
                    f.seek(t)
                    again = f.read()
                try:
                    open("l.txt", encoding="utf-8").read()
                except UnicodeDecodeError as e:
                    bad = type(e).__name__
                """);
        assertEquals("b'caf\\xe9'", repr(g, "latin"));
        assertEquals("'hé'", repr(g, "utf16"));
        assertEquals("4", repr(g, "t"));
        assertEquals("'b2\\n'", repr(g, "rest"));
        assertEquals("'b2\\n'", repr(g, "again"));
        assertEquals("'UnicodeDecodeError'", repr(g, "bad"));
    }

    @Test
    void errorsAsCPython() {
        PyDict g = run(dir, """
                import os, io
                os.mkdir("d")
                out = []
                for args in [("missing.txt",), ("d",), ("d/x", "x"), ("m", "rw"), ("m", "rbt"), ("m", "wb", -1, "utf-8")]:
                    if args == ("d/x", "x"):
                        open("d/x", "w").close()
                    try:
                        open(*args)
                    except (OSError, ValueError) as e:
                        out.append(f"{type(e).__name__}: {e}")
                f = open("d/x")
                f.close()
                try:
                    f.read()
                except ValueError as e:
                    out.append(str(e))
                try:
                    open("d/x", "w").read()
                except io.UnsupportedOperation as e:
                    out.append(f"{isinstance(e, OSError)} {isinstance(e, ValueError)} {e}")
                """);
        assertEquals("[\"FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'\", "
                + "\"IsADirectoryError: [Errno 21] Is a directory: 'd'\", "
                + "\"FileExistsError: [Errno 17] File exists: 'd/x'\", "
                + "'ValueError: must have exactly one of create/read/write/append mode', "
                + "\"ValueError: can't have text and binary mode at once\", "
                + "\"ValueError: binary mode doesn't take an encoding argument\", "
                + "'I/O operation on closed file.', 'True True not readable']", repr(g, "out"));
    }

    @Test
    void stringIoAndBytesIo() {
        PyDict g = run(dir, """
                import io
                s = io.StringIO("a\\nb")
                first = s.readline()
                s.seek(0, 2)
                s.write("c")
                value = s.getvalue()
                b = io.BytesIO()
                b.write(b"xyz")
                b.seek(1)
                tail = b.read()
                w = io.TextIOWrapper(io.BytesIO(b"p\\r\\nq"), encoding="ascii")
                wrapped = w.read()
                """);
        assertEquals("'a\\n'", repr(g, "first"));
        assertEquals("'a\\nbc'", repr(g, "value"));
        assertEquals("b'yz'", repr(g, "tail"));
        assertEquals("'p\\nq'", repr(g, "wrapped"));
    }

    @Test
    void largeFileReadsLineByLineAcrossChunks() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) sb.append("line ").append(i).append(" é\r\n");
        Files.writeString(dir.resolve("big.txt"), sb.toString());
        PyDict g = run(dir, """
                with open("big.txt", encoding="utf-8") as f:
                    count = 0
                    for line in f:
                        assert line.endswith(" é\\n"), repr(line)
                        count += 1
                """);
        assertEquals("5000", repr(g, "count"));
    }
}
