package dev.gild.cli;

import dev.gild.ast.Node;
import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CodeSerializer;
import dev.gild.compiler.Compiler;
import dev.gild.compiler.CompilerRecursionError;
import dev.gild.parser.Parser;
import dev.gild.runtime.BytecodeCache;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.Py;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The parser and compiler together, as the runtime's {@link CodeCompiler}. */
public final class SourceFrontEnd implements CodeCompiler {
    /**
     * The code of a script file: a compiled {@code .gbc} file (recognised by its magic number,
     * whatever its name) is decoded, a source file goes through the {@code __pycache__} cache.
     */
    public static CodeObject loadScript(InterpreterState interp, Path script, String filename)
            throws IOException, CodeSerializer.FormatException {
        byte[] start = new byte[CodeSerializer.MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(script)) {
            read = in.readNBytes(start, 0, start.length);
        }
        if (read == start.length && CodeSerializer.hasMagic(start)) {
            return CodeSerializer.read(Files.readAllBytes(script), null);
        }
        return BytecodeCache.compileFile(interp, script, filename);
    }

    @Override
    public CodeObject compile(String source, String filename, Mode mode) {
        try {
            return switch (mode) {
                case EXEC -> Compiler.compileModule(Parser.parseModule(source, filename), filename);
                case EVAL -> Compiler.compileExpression(Parser.parseExpression(source, filename), filename);
                case SINGLE -> {
                    Node.Interactive tree = Parser.parseInteractive(source, filename);
                    yield Compiler.compileInteractive(tree, filename);
                }
            };
        } catch (CompilerRecursionError | StackOverflowError e) {
            throw Py.recursionError("maximum recursion depth exceeded during compilation");
        }
    }
}
