package dev.gild.stdlib.net;

import dev.gild.runtime.Py;
import dev.gild.runtime.PyBaseException;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Socket failures as CPython reports them on Linux: Java's exceptions mapped to errno numbers,
 * then to the OSError subclass CPython picks for that errno ("[Errno 111] Connection refused" is
 * a ConnectionRefusedError). Name lookups fail with socket.gaierror, timeouts with TimeoutError
 * ("timed out", no errno), as socket.timeout is an alias of TimeoutError since 3.10.
 */
final class SocketErrors {
    static final int EBADF = 9, EAGAIN = 11, EINVAL = 22, EPIPE = 32, EAFNOSUPPORT = 97, EADDRINUSE = 98,
            EADDRNOTAVAIL = 99, ENETUNREACH = 101, ECONNABORTED = 103, ECONNRESET = 104, EISCONN = 106,
            ENOTCONN = 107, ETIMEDOUT = 110, ECONNREFUSED = 111, EHOSTUNREACH = 113, EALREADY = 114,
            EINPROGRESS = 115, ESOCKTNOSUPPORT = 94, EPROTONOSUPPORT = 93, EOPNOTSUPP = 95;
    /** getaddrinfo's EAI_NONAME: the host name is unknown. */
    static final int EAI_NONAME = -2;

    /** socket.gaierror and socket.herror: OSError subclasses of the socket module. */
    static final PyType GAIERROR = errorType("gaierror");
    static final PyType HERROR = errorType("herror");

    private SocketErrors() {}

    private static PyType errorType(String name) {
        PyDict ns = new PyDict();
        ns.put("__module__", "socket");
        ns.put("__qualname__", name);
        return new PyType(PyTypes.TYPE, name, new PyType[] {PyExc.OSError}, ns);
    }

    static String strerror(int errno) {
        return switch (errno) {
            case EBADF -> "Bad file descriptor";
            case EAGAIN -> "Resource temporarily unavailable";
            case EINVAL -> "Invalid argument";
            case EPIPE -> "Broken pipe";
            case EPROTONOSUPPORT -> "Protocol not supported";
            case ESOCKTNOSUPPORT -> "Socket type not supported";
            case EOPNOTSUPP -> "Operation not supported";
            case EAFNOSUPPORT -> "Address family not supported by protocol";
            case EADDRINUSE -> "Address already in use";
            case EADDRNOTAVAIL -> "Cannot assign requested address";
            case ENETUNREACH -> "Network is unreachable";
            case ECONNABORTED -> "Software caused connection abort";
            case ECONNRESET -> "Connection reset by peer";
            case EISCONN -> "Transport endpoint is already connected";
            case ENOTCONN -> "Transport endpoint is not connected";
            case ETIMEDOUT -> "Connection timed out";
            case ECONNREFUSED -> "Connection refused";
            case EHOSTUNREACH -> "No route to host";
            case EALREADY -> "Operation already in progress";
            case EINPROGRESS -> "Operation now in progress";
            default -> "Unknown error " + errno;
        };
    }

    /** The OSError subclass CPython raises for an errno. */
    static PyType typeFor(int errno) {
        return switch (errno) {
            case EAGAIN, EINPROGRESS, EALREADY -> PyExc.BlockingIOError;
            case EPIPE -> PyExc.BrokenPipeError;
            case ECONNABORTED -> PyExc.ConnectionAbortedError;
            case ECONNRESET -> PyExc.ConnectionResetError;
            case ECONNREFUSED -> PyExc.ConnectionRefusedError;
            case ETIMEDOUT -> PyExc.TimeoutError;
            default -> PyExc.OSError;
        };
    }

    /** OSError(errno, strerror) of the right subclass. */
    static PyException error(int errno) {
        return withErrno(typeFor(errno), errno, strerror(errno));
    }

    static PyException withErrno(PyType type, int errno, String message) {
        PyBaseException e = new PyBaseException(type, (long) errno, message);
        e.setAttr("errno", (long) errno);
        e.setAttr("strerror", message);
        e.setAttr("filename", Py.None);
        e.setAttr("filename2", Py.None);
        return e.toThrowable();
    }

    /** socket.timeout (TimeoutError) with CPython's message and no errno. */
    static PyException timedOut() {
        return Py.raise(PyExc.TimeoutError, "timed out");
    }

    /** socket.gaierror for a host name that does not resolve. */
    static PyException unknownHost() {
        return withErrno(GAIERROR, EAI_NONAME, "Name or service not known");
    }

    /** The errno CPython would have seen for a Java socket failure. */
    static int errnoOf(Throwable e) {
        if (e instanceof ClosedChannelException || e instanceof ClosedSelectorException) return EBADF;
        if (e instanceof NotYetConnectedException) return ENOTCONN;
        if (e instanceof AlreadyConnectedException) return EISCONN;
        if (e instanceof ConnectException) return ECONNREFUSED;
        if (e instanceof BindException b) {
            String m = String.valueOf(b.getMessage());
            return m.contains("assign") ? EADDRNOTAVAIL : m.contains("Permission") ? 13 : EADDRINUSE;
        }
        if (e instanceof NoRouteToHostException) return EHOSTUNREACH;
        if (e instanceof SocketTimeoutException) return ETIMEDOUT;
        String m = String.valueOf(e.getMessage());
        if (m.contains("Connection reset")) return ECONNRESET;
        if (m.contains("Broken pipe")) return EPIPE;
        if (m.contains("Connection refused")) return ECONNREFUSED;
        if (m.contains("Network is unreachable")) return ENETUNREACH;
        if (m.contains("No route to host")) return EHOSTUNREACH;
        if (m.contains("Connection timed out")) return ETIMEDOUT;
        if (m.contains("Cannot assign requested address")) return EADDRNOTAVAIL;
        if (m.contains("Address already in use")) return EADDRINUSE;
        if (m.contains("not connected")) return ENOTCONN;
        if (m.contains("Invalid argument")) return EINVAL;
        if (m.contains("Software caused connection abort")) return ECONNABORTED;
        return EINVAL;
    }

    /** The Python exception for a Java failure inside a socket operation. */
    static PyException of(Throwable e) {
        if (e instanceof UnknownHostException || e instanceof UnresolvedAddressException) return unknownHost();
        if (e instanceof PyException p) return p;
        return error(errnoOf(e));
    }

    /** Carries an IOException out of work done without the interpreter lock, to be mapped after. */
    static final class Failure extends RuntimeException {
        final Throwable cause;

        Failure(Throwable cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }

    static boolean isIo(Throwable t) {
        return t instanceof IOException || t instanceof ClosedSelectorException || t instanceof UnresolvedAddressException
                || t instanceof NotYetConnectedException || t instanceof AlreadyConnectedException;
    }
}
