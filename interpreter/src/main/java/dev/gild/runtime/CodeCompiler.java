package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;

/**
 * Source to bytecode, as the runtime needs it for imports, exec, eval and compile(). The
 * front end (parser and compiler) implements it; compile errors are thrown as
 * {@code dev.gild.parser.SyntaxErrorException}, which callers turn into Python SyntaxErrors.
 */
public interface CodeCompiler {
    enum Mode { EXEC, EVAL, SINGLE }

    CodeObject compile(String source, String filename, Mode mode);
}
