package dev.gild.runtime;

import dev.gild.bytecode.CodeObject;
import dev.gild.bytecode.CodeSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Compiled code of source files kept in {@code __pycache__/NAME.gild-N.gbc} beside them, as
 * CPython's pyc cache: reused while the source's mtime and size are those recorded in the
 * file's header, rewritten otherwise. Writing is best effort: a folder that cannot be written,
 * or {@code sys.dont_write_bytecode} (set by {@code -B} and PYTHONDONTWRITEBYTECODE), means no
 * cache file, never an error. A damaged cache file is ignored and replaced.
 */
public final class BytecodeCache {
    private static final String CACHE_FOLDER = "__pycache__";
    private static final String SUFFIX = "." + CodeSerializer.CACHE_TAG + ".gbc";

    private BytecodeCache() {}

    /** The cache file for {@code source}: {@code DIR/__pycache__/NAME.gild-N.gbc}. */
    public static Path cachePathFor(Path source) {
        String name = source.getFileName().toString();
        String stem = name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
        Path dir = source.toAbsolutePath().getParent();
        return dir.resolve(CACHE_FOLDER).resolve(stem + SUFFIX);
    }

    /**
     * The module code of the source file {@code source}: from its cache file when that is current,
     * else compiled (a SyntaxError is raised as a Python exception) and cached.
     *
     * @param filename the code's {@code co_filename} (how tracebacks name the file)
     * @throws IOException when the source cannot be read
     */
    public static CodeObject compileFile(InterpreterState interp, Path source, String filename) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        long mtime = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        long size = attributes.size();
        Path cache = cachePathFor(source);
        CodeObject cached = readCurrent(cache, filename, mtime, size);
        if (cached != null) return cached;
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        CodeObject code = Builtins.compileSource(interp, text, filename, CodeCompiler.Mode.EXEC);
        if (!dontWriteBytecode(interp)) {
            try {
                Files.createDirectories(cache.getParent());
                writeAtomically(cache, CodeSerializer.write(code, mtime, size));
                copyPermissions(source, cache);
            } catch (IOException | SecurityException | UnsupportedOperationException unwritable) {
                // A read-only folder only costs the speed-up, as in CPython.
            }
        }
        return code;
    }

    /**
     * {@code gild compile}: compiles {@code source} and writes the bytecode to {@code output},
     * stamped with the source's mtime and size.
     */
    public static void compileTo(InterpreterState interp, Path source, String filename, Path output) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        CodeObject code = Builtins.compileSource(interp, text, filename, CodeCompiler.Mode.EXEC);
        Path target = output.toAbsolutePath();
        writeAtomically(target,
                CodeSerializer.write(code, attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size()));
        copyPermissions(source, target);
    }

    /** The bytecode file gets its source's access rights (a temporary file starts private). */
    private static void copyPermissions(Path source, Path target) {
        try {
            Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
        } catch (IOException | UnsupportedOperationException | SecurityException notPosix) {
            // Keep the default rights.
        }
    }

    /** Writes through a temporary file in the same folder, so readers never see a partial file. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The cached code when the cache file exists, is intact and matches the source; else null. */
    private static CodeObject readCurrent(Path cache, String filename, long mtime, long size) {
        byte[] data;
        try {
            data = Files.readAllBytes(cache);
        } catch (IOException | SecurityException missingOrUnreadable) {
            return null;
        }
        try {
            CodeSerializer.Header header = CodeSerializer.readHeader(data);
            if (!header.isCurrent() || header.sourceMtimeNanos() != mtime || header.sourceSize() != size) return null;
            return CodeSerializer.read(data, filename);
        } catch (CodeSerializer.FormatException damaged) {
            return null;
        }
    }

    private static boolean dontWriteBytecode(InterpreterState interp) {
        Object flag = interp.sys.dict.getStr("dont_write_bytecode");
        return flag != null && Ops.isTrue(flag);
    }
}
