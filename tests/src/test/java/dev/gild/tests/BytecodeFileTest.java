package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CodeSerializer;
import dev.gild.bytecode.Disassembler;
import dev.gild.cli.SourceFrontEnd;
import dev.gild.parser.SyntaxErrorException;
import dev.gild.runtime.BytecodeCache;
import dev.gild.runtime.CodeCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .gbc format (every corpus script survives a round trip) and the __pycache__ cache. */
class BytecodeFileTest {
    @TempDir
    Path dir;

    @Test
    void everyCorpusScriptRoundTrips() throws Exception {
        CodeCompiler compiler = new SourceFrontEnd();
        int checked = 0;
        for (Path script : FuzzTest.corpusScripts()) {
            CodeObject code;
            try {
                code = compiler.compile(Files.readString(script, StandardCharsets.UTF_8), script.toString(), CodeCompiler.Mode.EXEC);
            } catch (SyntaxErrorException e) {
                continue;
            }
            byte[] file = CodeSerializer.write(code, 123L, 456L);
            CodeObject back = CodeSerializer.read(file, null);
            assertEquals(Disassembler.disassemble(code), Disassembler.disassemble(back), script.toString());
            assertArrayEquals(file, CodeSerializer.write(back, 123L, 456L), script.toString());
            checked++;
        }
        assertTrue(checked > 100, "only " + checked + " corpus scripts compiled");
    }

    @Test
    void constantsOfEveryKindSurvive() throws Exception {
        String source = "x = (1, -2**70, 1.5, -0.0, 2j, 'caf\u00e9 \ud83d\ude00', b'\\x00\\xff', None, ..., True, False, ())\n"
                + "def f(a, /, b, *args, c=3, **kw):\n    def g():\n        return a + b\n    return g\n";
        CodeObject code = new SourceFrontEnd().compile(source, "/somewhere/x.py", CodeCompiler.Mode.EXEC);
        CodeObject back = CodeSerializer.read(CodeSerializer.write(code, 0, -1), "/elsewhere/x.py");
        assertEquals(Disassembler.disassemble(code).replace("/somewhere/", "/elsewhere/"), Disassembler.disassemble(back));
        assertEquals("/elsewhere/x.py", back.filename);
        CodeObject f = (CodeObject) Arrays.stream(back.consts).filter(c -> c instanceof CodeObject).findFirst().orElseThrow();
        assertEquals("/elsewhere/x.py", f.filename);
        assertEquals(2, f.argCount);
        assertEquals(1, f.posOnlyArgCount);
        assertEquals(1, f.kwOnlyArgCount);
    }

    @Test
    void damagedFilesAreFormatErrors() throws Exception {
        CodeObject code = new SourceFrontEnd().compile("print(1)\n", "x.py", CodeCompiler.Mode.EXEC);
        byte[] good = CodeSerializer.write(code, 0, 0);
        assertThrows(CodeSerializer.FormatException.class, () -> CodeSerializer.read(new byte[0], null));
        assertThrows(CodeSerializer.FormatException.class, () -> CodeSerializer.read("print(1)".getBytes(), null));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThrows(CodeSerializer.FormatException.class, () -> CodeSerializer.read(truncated, null), "cut at " + cut);
        }
        for (int i = 4; i < good.length; i++) {
            byte[] flipped = good.clone();
            flipped[i] ^= 0x10;
            int at = i;
            if (at >= 12 && at < 28) continue; // the source stamp is not checked when running a .gbc
            assertThrows(CodeSerializer.FormatException.class, () -> CodeSerializer.read(flipped, null), "flip at " + at);
        }
    }

    @Test
    void cacheIsWrittenReusedAndRefreshed() throws Exception {
        InProcess.Session session = new InProcess.Session("");
        session.interp.sys.dict.put("dont_write_bytecode", Boolean.FALSE);
        Path source = Files.writeString(dir.resolve("mod.py"), "X = 1\n");
        Path cache = BytecodeCache.cachePathFor(source);
        assertEquals(dir.resolve("__pycache__").resolve("mod." + CodeSerializer.CACHE_TAG + ".gbc"), cache);

        BytecodeCache.compileFile(session.interp, source, source.toString());
        assertTrue(Files.isRegularFile(cache));
        byte[] first = Files.readAllBytes(cache);
        assertEquals(Files.size(source), CodeSerializer.readHeader(first).sourceSize());

        // A cached file is used as is: make it recognisably different, keeping the stamp.
        CodeObject marked = new SourceFrontEnd().compile("X = 'from cache'\n", source.toString(), CodeCompiler.Mode.EXEC);
        CodeSerializer.Header header = CodeSerializer.readHeader(first);
        Files.write(cache, CodeSerializer.write(marked, header.sourceMtimeNanos(), header.sourceSize()));
        CodeObject reused = BytecodeCache.compileFile(session.interp, source, source.toString());
        assertTrue(Arrays.asList(reused.consts).contains("from cache"));

        // A changed source (new mtime and size) is compiled again and the cache rewritten.
        Files.writeString(source, "X = 22\n");
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        CodeObject fresh = BytecodeCache.compileFile(session.interp, source, source.toString());
        assertTrue(Arrays.asList(fresh.consts).contains(22L));
        assertNotEquals(header.sourceMtimeNanos(), CodeSerializer.readHeader(Files.readAllBytes(cache)).sourceMtimeNanos());

        // A damaged cache file is ignored and replaced.
        Files.write(cache, new byte[] {'G', 'I', 'L', 'D', 0});
        assertTrue(Arrays.asList(BytecodeCache.compileFile(session.interp, source, source.toString()).consts).contains(22L));
        assertTrue(CodeSerializer.readHeader(Files.readAllBytes(cache)).isCurrent());
    }

    @Test
    void noCacheWhenDisabledOrUnwritable() throws IOException {
        InProcess.Session session = new InProcess.Session("");
        Path source = Files.writeString(dir.resolve("quiet.py"), "X = 1\n");
        BytecodeCache.compileFile(session.interp, source, source.toString());
        assertFalse(Files.exists(dir.resolve("__pycache__")), "sys.dont_write_bytecode is set");

        session.interp.sys.dict.put("dont_write_bytecode", Boolean.FALSE);
        Path blocked = Files.createDirectories(dir.resolve("blocked"));
        Files.writeString(blocked.resolve("__pycache__"), "a file where the folder would go");
        Path other = Files.writeString(blocked.resolve("m.py"), "Y = 2\n");
        CodeObject code = BytecodeCache.compileFile(session.interp, other, other.toString());
        assertTrue(Arrays.asList(code.consts).contains(2L));
    }
}
