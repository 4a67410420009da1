package dev.gild.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every script of the conformance corpus: all must parse, except the SyntaxError and
 * IndentationError cases (marked {@code .errtype-only}), which must fail with the kind their
 * {@code .err} file names.
 */
class ConformanceCorpusTest {
    /** Errors CPython raises after parsing, in the compiler, which the parser rightly accepts. */
    private static final Set<String> COMPILER_ERRORS = Set.of("022_syntax_error_return_outside.py");

    @TestFactory
    Stream<DynamicTest> corpusParses() {
        Path root = Corpus.root();
        assumeTrue(root != null, "shared/conformance not found beside the repository");
        return Corpus.scripts(root).stream().map(script -> DynamicTest.dynamicTest(
                root.relativize(script).toString(), () -> check(script)));
    }

    private static void check(Path script) throws Exception {
        String name = script.getFileName().toString();
        String base = name.substring(0, name.length() - ".py".length());
        String source = Corpus.read(script);
        Path marker = script.resolveSibling(base + ".errtype-only");
        if (Files.exists(marker) && !COMPILER_ERRORS.contains(name)) {
            String kind = Files.readString(script.resolveSibling(base + ".err")).strip();
            SyntaxErrorException e = assertThrows(SyntaxErrorException.class,
                    () -> Parser.parseModule(source, name));
            assertEquals(kind, e.kind, e.getMessage());
            return;
        }
        assertNotNull(Parser.parseModule(source, name));
    }
}
