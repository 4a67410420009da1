package dev.gild.compiler;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.Disassembler;
import dev.gild.parser.SyntaxErrorException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles every script of the shared conformance corpus ({@code ../shared/conformance} beside the
 * repository) and checks the result with {@link BytecodeVerifier}: stack depths along all paths
 * within maxStack (and reaching it), jumps and exception-table entries sane.
 */
class CorpusBytecodeTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusScriptCompilesToVerifiableCode() throws IOException {
        Path corpus = findCorpus();
        Assumptions.assumeTrue(corpus != null, "conformance corpus not found beside the repository");
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(corpus, 2)) {
            scripts = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertFalse(scripts.isEmpty());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(corpus.relativize(script).toString(),
                () -> check(script)));
    }

    private static void check(Path script) {
        String source;
        try {
            source = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = script.getFileName().toString();
        CodeObject code;
        try {
            code = CompileHelper.compile(source, name);
        } catch (SyntaxErrorException e) {
            // The corpus has scripts that must fail to compile; their expected output says so.
            Path expected = script.resolveSibling(name.replace(".py", ".err"));
            assertTrue(Files.exists(expected), "unexpected SyntaxError: " + e.getMessage() + " line " + e.line);
            return;
        }
        List<String> problems = BytecodeVerifier.verify(code);
        assertEquals(List.of(), problems);
        assertFalse(Disassembler.disassemble(code, true).isEmpty());
    }

    /** {@code ../shared/conformance} relative to the repository root, looked up from the working directory. */
    static Path findCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("conformance");
            if (Files.isDirectory(dir.resolve(".git")) || Files.isRegularFile(dir.resolve(".git"))) {
                return Files.isDirectory(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
