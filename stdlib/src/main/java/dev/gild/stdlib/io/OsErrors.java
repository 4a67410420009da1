package dev.gild.stdlib.io;

import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyType;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Java I/O failures as CPython's OSError subclasses: "[Errno 2] No such file or directory: 'x'"
 * with errno, strerror and filename set (Linux errno numbers, which is what CPython reports here).
 */
public final class OsErrors {
    public static final int ENOENT = 2, EBADF = 9, EACCES = 13, EEXIST = 17, EXDEV = 18, ENOTDIR = 20,
            EISDIR = 21, EINVAL = 22, ENOSPC = 28, ESPIPE = 29, ENOTEMPTY = 39;

    private OsErrors() {}

    /** os.strerror(errno). */
    public static String strerror(int errno) {
        return switch (errno) {
            case 1 -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case 3 -> "No such process";
            case 5 -> "Input/output error";
            case EBADF -> "Bad file descriptor";
            case 10 -> "No child processes";
            case EACCES -> "Permission denied";
            case 16 -> "Device or resource busy";
            case EEXIST -> "File exists";
            case EXDEV -> "Invalid cross-device link";
            case ENOTDIR -> "Not a directory";
            case EISDIR -> "Is a directory";
            case EINVAL -> "Invalid argument";
            case 24 -> "Too many open files";
            case ENOSPC -> "No space left on device";
            case ESPIPE -> "Illegal seek";
            case 30 -> "Read-only file system";
            case 32 -> "Broken pipe";
            case 36 -> "File name too long";
            case ENOTEMPTY -> "Directory not empty";
            case 40 -> "Too many levels of symbolic links";
            default -> "Unknown error " + errno;
        };
    }

    /** The OSError subclass CPython picks for an errno. */
    public static PyType typeFor(int errno) {
        return switch (errno) {
            case ENOENT -> PyExc.FileNotFoundError;
            case EACCES, 1 -> PyExc.PermissionError;
            case EEXIST -> PyExc.FileExistsError;
            case ENOTDIR -> PyExc.NotADirectoryError;
            case EISDIR -> PyExc.IsADirectoryError;
            case 3 -> PyExc.ProcessLookupError;
            case 10 -> PyExc.ChildProcessError;
            case 32 -> PyExc.BrokenPipeError;
            default -> PyExc.OSError;
        };
    }

    /** OSError(errno, strerror, filename) of the right subclass; filename may be null. */
    public static PyException error(int errno, Object filename) {
        return error(errno, filename, null);
    }

    public static PyException error(int errno, Object filename, Object filename2) {
        String msg = strerror(errno);
        PyBaseException e = filename == null
                ? new PyBaseException(typeFor(errno), (long) errno, msg)
                : filename2 == null
                ? new PyBaseException(typeFor(errno), (long) errno, msg, filename)
                : new PyBaseException(typeFor(errno), (long) errno, msg, filename, 0L, filename2);
        e.setAttr("errno", (long) errno);
        e.setAttr("strerror", msg);
        e.setAttr("filename", filename == null ? Py.None : filename);
        e.setAttr("filename2", filename2 == null ? Py.None : filename2);
        return e.toThrowable();
    }

    /** Maps a Java I/O exception to the errno CPython would have seen. */
    public static int errnoOf(IOException e) {
        if (e instanceof NoSuchFileException) return ENOENT;
        if (e instanceof FileAlreadyExistsException) return EEXIST;
        if (e instanceof AccessDeniedException) return EACCES;
        if (e instanceof DirectoryNotEmptyException) return ENOTEMPTY;
        if (e instanceof NotDirectoryException) return ENOTDIR;
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            if (reason.contains("Is a directory")) return EISDIR;
            if (reason.contains("Not a directory")) return ENOTDIR;
            if (reason.contains("not empty")) return ENOTEMPTY;
            if (reason.contains("cross-device") || reason.contains("Invalid cross")) return EXDEV;
            if (reason.contains("Permission denied") || reason.contains("Operation not permitted")) return EACCES;
            if (reason.contains("No such file")) return ENOENT;
            if (reason.contains("File exists")) return EEXIST;
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("Is a directory")) return EISDIR;
        if (m.contains("No space left")) return ENOSPC;
        if (m.contains("Broken pipe")) return 32;
        return 5;
    }

    /** The Python error for a Java I/O exception on a path. */
    public static PyException of(IOException e, Object filename) {
        return error(errnoOf(e), filename);
    }

    public static PyException of(IOException e, Object filename, Object filename2) {
        return error(errnoOf(e), filename, filename2);
    }
}
