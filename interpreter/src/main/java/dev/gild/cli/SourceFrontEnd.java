package dev.gild.cli;

import dev.gild.ast.Node;
import dev.gild.bytecode.CodeObject;
import dev.gild.compiler.Compiler;
import dev.gild.compiler.CompilerRecursionError;
import dev.gild.parser.Parser;
import dev.gild.runtime.CodeCompiler;
import dev.gild.runtime.Py;

/** The parser and compiler together, as the runtime's {@link CodeCompiler}. */
final class SourceFrontEnd implements CodeCompiler {
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
