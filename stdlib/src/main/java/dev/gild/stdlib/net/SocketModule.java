package dev.gild.stdlib.net;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * _socket: the native half of the socket module (socket.py wraps it as CPython's does): the
 * socket type, name lookups, the default timeout and the constants, with Linux's numbers.
 */
public final class SocketModule implements ModuleProvider {
    @Override public String name() { return "_socket"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_socket");
        m.set("socket", SocketObject.TYPE);
        m.set("SocketType", SocketObject.TYPE);
        m.set("error", PyExc.OSError);
        m.set("timeout", PyExc.TimeoutError);
        m.set("gaierror", SocketErrors.GAIERROR);
        m.set("herror", SocketErrors.HERROR);
        m.set("has_ipv6", Boolean.TRUE);
        m.set("AF_UNSPEC", 0L);
        m.set("AF_UNIX", 1L);
        m.set("AF_INET", (long) SocketObject.AF_INET);
        m.set("AF_INET6", (long) SocketObject.AF_INET6);
        m.set("SOCK_STREAM", 1L);
        m.set("SOCK_DGRAM", 2L);
        m.set("SOCK_RAW", 3L);
        m.set("SOCK_NONBLOCK", 2048L);
        m.set("SOCK_CLOEXEC", 524288L);
        m.set("SOL_SOCKET", (long) SocketObject.SOL_SOCKET);
        m.set("SOL_TCP", 6L);
        m.set("SO_REUSEADDR", (long) SocketObject.SO_REUSEADDR);
        m.set("SO_REUSEPORT", (long) SocketObject.SO_REUSEPORT);
        m.set("SO_KEEPALIVE", (long) SocketObject.SO_KEEPALIVE);
        m.set("SO_SNDBUF", (long) SocketObject.SO_SNDBUF);
        m.set("SO_RCVBUF", (long) SocketObject.SO_RCVBUF);
        m.set("SO_TYPE", (long) SocketObject.SO_TYPE);
        m.set("SO_ERROR", (long) SocketObject.SO_ERROR);
        m.set("SO_LINGER", 13L);
        m.set("SO_BROADCAST", 6L);
        m.set("IPPROTO_IP", 0L);
        m.set("IPPROTO_TCP", 6L);
        m.set("IPPROTO_UDP", 17L);
        m.set("IPPROTO_IPV6", 41L);
        m.set("IPV6_V6ONLY", 26L);
        m.set("TCP_NODELAY", (long) SocketObject.TCP_NODELAY);
        m.set("SHUT_RD", 0L);
        m.set("SHUT_WR", 1L);
        m.set("SHUT_RDWR", 2L);
        m.set("SOMAXCONN", 4096L);
        m.set("INADDR_ANY", 0L);
        m.set("INADDR_LOOPBACK", 0x7f000001L);
        m.set("AI_PASSIVE", 1L);
        m.set("AI_CANONNAME", 2L);
        m.set("AI_NUMERICHOST", 4L);
        m.set("AI_NUMERICSERV", 1024L);
        m.set("NI_NUMERICHOST", 1L);
        m.set("NI_NUMERICSERV", 2L);
        m.set("MSG_PEEK", 2L);
        m.set("MSG_WAITALL", 256L);
        m.set("MSG_DONTWAIT", 64L);
        m.set("EAI_NONAME", (long) SocketErrors.EAI_NONAME);

        m.define("gethostname", (args, kw) -> {
            Args.check("gethostname", args, kw, 0, 0, 0);
            return Blocking.call("getaddrinfo", Resolver::hostName);
        });
        m.define("gethostbyname", (args, kw) -> {
            Args.check("gethostbyname", args, kw, 0, 1, 1);
            String host = hostArg(args[0], "gethostbyname");
            return Resolver.numeric(Resolver.resolve(host, SocketObject.AF_INET));
        });
        m.define("getfqdn", (args, kw) -> {
            Args.check("getfqdn", args, kw, 0, 0, 1);
            String host = args.length == 0 ? "" : hostArg(args[0], "getfqdn");
            return Blocking.call("getaddrinfo", () -> Resolver.fullName(host));
        });
        m.define("getaddrinfo", (args, kw) -> {
            Object[] a = Args.parse("getaddrinfo", args, kw, 0,
                    new String[] {"host", "port", "family", "type", "proto", "flags"}, 2, 6);
            return getaddrinfo(a);
        });
        m.define("getdefaulttimeout", (args, kw) -> {
            Args.check("getdefaulttimeout", args, kw, 0, 0, 0);
            Double t = SocketObject.defaultTimeout;
            return t == null ? Py.None : (Object) t;
        });
        m.define("setdefaulttimeout", (args, kw) -> {
            Args.check("setdefaulttimeout", args, kw, 0, 1, 1);
            SocketObject.defaultTimeout = SocketObject.timeoutArg(args[0]);
            return Py.None;
        });
        m.define("htons", (args, kw) -> {
            Args.check("htons", args, kw, 0, 1, 1);
            long v = Ops.indexLong(args[0]);
            if (v < 0 || v > 0xffff) throw Py.overflowError("htons: Python int too large to convert to C 16-bit unsigned integer");
            return (long) Short.toUnsignedInt(Short.reverseBytes((short) v));
        });
        m.set("ntohs", m.dict.getStr("htons"));
        m.define("htonl", (args, kw) -> {
            Args.check("htonl", args, kw, 0, 1, 1);
            long v = Ops.indexLong(args[0]);
            if (v < 0 || v > 0xffffffffL) throw Py.overflowError("int larger than 32 bits");
            return Integer.toUnsignedLong(Integer.reverseBytes((int) v));
        });
        m.set("ntohl", m.dict.getStr("htonl"));
        m.define("inet_aton", (args, kw) -> {
            Args.check("inet_aton", args, kw, 0, 1, 1);
            String host = Args.str("inet_aton", 1, args[0]);
            if (!Resolver.isNumeric(host) || host.contains(":")) {
                throw Py.raise(PyExc.OSError, "illegal IP address string passed to inet_aton");
            }
            return new PyBytes(Resolver.resolve(host, SocketObject.AF_INET).getAddress());
        });
        m.define("inet_ntoa", (args, kw) -> {
            Args.check("inet_ntoa", args, kw, 0, 1, 1);
            Object v = Ops.unbox(args[0]);
            if (!(v instanceof PyBytes b) || b.bytes.length != 4) {
                throw Py.raise(PyExc.OSError, "packed IP wrong length for inet_ntoa");
            }
            return (b.bytes[0] & 0xff) + "." + (b.bytes[1] & 0xff) + "." + (b.bytes[2] & 0xff) + "." + (b.bytes[3] & 0xff);
        });
        return m;
    }

    private static String hostArg(Object o, String fname) {
        Object v = Ops.unbox(o);
        if (v instanceof String s) return s;
        if (v instanceof PyBytes b) return new String(b.bytes, java.nio.charset.StandardCharsets.US_ASCII);
        throw Py.typeError(fname + "() argument 1 must be str, bytes or bytearray, not " + Ops.typeName(o));
    }

    /** getaddrinfo: a list of (family, type, proto, canonname, sockaddr), TCP entries only. */
    private static PyList getaddrinfo(Object[] a) {
        String host = a[0] == Py.None ? null : hostArg(a[0], "getaddrinfo");
        long port;
        Object p = Ops.unbox(a[1]);
        if (p == Py.None) port = 0;
        else if (p instanceof String s || p instanceof PyBytes) {
            String text = p instanceof String s2 ? s2 : new String(((PyBytes) p).bytes, java.nio.charset.StandardCharsets.US_ASCII);
            port = switch (text) {
                case "http" -> 80;
                case "https" -> 443;
                default -> {
                    try {
                        yield Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw SocketErrors.withErrno(SocketErrors.GAIERROR, -8, "Servname not supported for ai_socktype");
                    }
                }
            };
        } else if (p instanceof Long || p instanceof Boolean) port = Ops.indexLong(p);
        else throw Py.raise(PyExc.OSError, "Int or String expected");
        int family = a[2] == null ? 0 : (int) Ops.indexLong(a[2]);
        int kind = a[3] == null ? 0 : (int) Ops.indexLong(a[3]);
        long flags = a[5] == null ? 0 : Ops.indexLong(a[5]);
        if (kind != 0 && kind != SocketObject.SOCK_STREAM) return new PyList();
        InetAddress[] found;
        if (host == null) {
            boolean passive = (flags & 1) != 0;
            found = family == SocketObject.AF_INET6
                    ? new InetAddress[] {Resolver.resolve(passive ? "" : "::1", SocketObject.AF_INET6)}
                    : new InetAddress[] {Resolver.resolve(passive ? "" : "127.0.0.1", SocketObject.AF_INET)};
        } else {
            found = Resolver.resolveAll(host, family);
        }
        PyList out = new PyList();
        for (InetAddress addr : found) {
            boolean v6 = addr instanceof Inet6Address;
            Object sockaddr = v6 ? PyTuple.of(Resolver.numeric(addr), port, 0L, 0L) : PyTuple.of(Resolver.numeric(addr), port);
            out.append(PyTuple.of(v6 ? (long) SocketObject.AF_INET6 : (long) SocketObject.AF_INET,
                    (long) SocketObject.SOCK_STREAM, (long) SocketObject.IPPROTO_TCP, "", sockaddr));
        }
        return out;
    }
}
