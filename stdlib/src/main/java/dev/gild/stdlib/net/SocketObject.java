package dev.gild.stdlib.net;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.NumberOps;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyByteArray;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyException;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import dev.gild.stdlib.io.FileIO;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * _socket.socket: a TCP socket over java.nio channels, with CPython's API and errors.
 *
 * <p>A Python socket is one object from creation to close, but Java splits it into a
 * {@link SocketChannel} (client or accepted connection) and a {@link ServerSocketChannel}
 * (listening); so the channel is made when the socket's role is known. bind() alone binds an
 * unconnected SocketChannel (which does not accept anything yet, as a bound Python socket does
 * not); listen() swaps it for a ServerSocketChannel bound to the same address.
 *
 * <p>Channels are always in non-blocking mode. Every operation is first tried as it stands,
 * holding the interpreter lock (no wait: data already there is read at once); only when it
 * would block, and the socket is in blocking or timeout mode, does the thread wait on a
 * {@link Selector} inside {@link Blocking#call} (label "recv", "send", "accept" or "connect"),
 * which gives the interpreter lock up for the wait. The timeout is the socket's: None waits
 * forever, 0 raises BlockingIOError (EAGAIN) instead of waiting, a positive timeout raises
 * TimeoutError('timed out') when it passes. A reader and a writer each have their own selector
 * so a thread in recv and another in sendall on the same socket do not disturb each other.
 *
 * <p>Descriptor numbers come from the same sequence as files' (see FileIO), so a socket's
 * fileno() never equals an open file's.
 */
final class SocketObject extends PyObject {
    static final PyType TYPE = PyTypes.newBuiltin("socket", null, true, SocketObject::new);

    static final int AF_INET = 2, AF_INET6 = 10, SOCK_STREAM = 1, IPPROTO_TCP = 6;
    static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_SNDBUF = 7, SO_RCVBUF = 8,
            SO_KEEPALIVE = 9, SO_REUSEPORT = 15, TCP_NODELAY = 1;
    static final int SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2;

    /** Accepted connections not yet wrapped in a socket object (accept returns their number first). */
    private static final Map<Integer, SocketChannel> UNCLAIMED = new ConcurrentHashMap<>();

    /** socket.setdefaulttimeout: the timeout of new sockets, in seconds (null: blocking). */
    static volatile Double defaultTimeout;

    static {
        TYPE.namespace().put("__module__", "_socket");
        install();
    }

    private final PyType type;
    private PyDict dict;
    int family = AF_INET;
    int kind = SOCK_STREAM;
    int proto;
    private int fd = -1;
    /** The timeout in seconds as given, or null for a blocking socket; 0.0 is non-blocking. */
    private Double timeout;
    private volatile SocketChannel stream;
    private volatile ServerSocketChannel server;
    /** Whether the stream channel finished connecting (a non-blocking connect may still be under way). */
    private volatile boolean connected;
    /** Options set before a channel existed, applied to each channel made: (level << 16 | name) -> value. */
    private final Map<Integer, Object> options = new TreeMap<>();
    private Selector readSelector;
    private Selector writeSelector;

    private SocketObject(PyType type) { this.type = type; }

    @Override public PyType getType() { return type; }

    @Override public PyDict getDict() {
        if (dict == null && type != TYPE && type.hasInstanceDict()) dict = new PyDict();
        return dict;
    }

    // ------------------------------------------------------------------ creation and state

    private void init(Object familyArg, Object kindArg, Object protoArg, Object filenoArg) {
        if (fd >= 0) close();
        int f = familyArg == null || isMinusOne(familyArg) ? AF_INET : (int) Ops.indexLong(familyArg);
        int k = kindArg == null || isMinusOne(kindArg) ? SOCK_STREAM : (int) Ops.indexLong(kindArg);
        int p = protoArg == null || isMinusOne(protoArg) ? 0 : (int) Ops.indexLong(protoArg);
        if (f != AF_INET && f != AF_INET6) throw SocketErrors.error(SocketErrors.EAFNOSUPPORT);
        if ((k & 0xff) != SOCK_STREAM) throw SocketErrors.error(SocketErrors.ESOCKTNOSUPPORT);
        if (p != 0 && p != IPPROTO_TCP) throw SocketErrors.error(SocketErrors.EPROTONOSUPPORT);
        family = f;
        kind = SOCK_STREAM;
        proto = p;
        if (filenoArg != null && filenoArg != Py.None) {
            int number = (int) Ops.indexLong(filenoArg);
            SocketChannel adopted = UNCLAIMED.remove(number);
            if (adopted == null) throw SocketErrors.error(SocketErrors.EBADF);
            stream = adopted;
            connected = adopted.isConnected();
            fd = number;
        } else {
            fd = FileIO.newDescriptor();
        }
        timeout = defaultTimeout;
    }

    private static boolean isMinusOne(Object o) {
        return o == Py.None || Ops.indexLong(o) == -1;
    }

    private boolean isClosed() { return fd < 0; }

    private void checkOpen() {
        if (fd < 0) throw SocketErrors.error(SocketErrors.EBADF);
    }

    private StandardProtocolFamily protocolFamily() {
        return family == AF_INET6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /** The connected (or connecting) stream channel, or ENOTCONN. */
    private SocketChannel connectedStream() {
        checkOpen();
        SocketChannel ch = stream;
        if (ch == null || !connected) throw SocketErrors.error(SocketErrors.ENOTCONN);
        return ch;
    }

    private SocketChannel newStream() throws IOException {
        SocketChannel ch = SocketChannel.open(protocolFamily());
        ch.configureBlocking(false);
        applyOptions(ch);
        return ch;
    }

    private void applyOptions(NetworkChannel ch) throws IOException {
        for (Map.Entry<Integer, Object> e : options.entrySet()) {
            SocketOption<Object> option = javaOption(e.getKey() >> 16, e.getKey() & 0xffff, ch);
            if (option != null) ch.setOption(option, e.getValue());
        }
        if (!options.containsKey(SOL_SOCKET << 16 | SO_REUSEADDR)) {
            // CPython's sockets start without SO_REUSEADDR; Java's listening channels start with it.
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, false);
        }
    }

    @SuppressWarnings("unchecked")
    private static SocketOption<Object> javaOption(int level, int name, NetworkChannel ch) {
        SocketOption<?> option = null;
        if (level == SOL_SOCKET) {
            option = switch (name) {
                case SO_REUSEADDR -> StandardSocketOptions.SO_REUSEADDR;
                case SO_REUSEPORT -> StandardSocketOptions.SO_REUSEPORT;
                case SO_KEEPALIVE -> StandardSocketOptions.SO_KEEPALIVE;
                case SO_SNDBUF -> StandardSocketOptions.SO_SNDBUF;
                case SO_RCVBUF -> StandardSocketOptions.SO_RCVBUF;
                default -> null;
            };
        } else if (level == IPPROTO_TCP && name == TCP_NODELAY) {
            option = StandardSocketOptions.TCP_NODELAY;
        }
        return option != null && ch.supportedOptions().contains(option) ? (SocketOption<Object>) option : null;
    }

    // ------------------------------------------------------------------ waiting

    /** Work on a channel that may throw Java I/O exceptions (mapped to Python's after). */
    @FunctionalInterface
    interface ChannelWork<T> {
        T run() throws IOException;
    }

    /** Runs a non-blocking channel operation with the lock held, mapping failures. */
    private static <T> T attempt(ChannelWork<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw SocketErrors.of(e);
        } catch (PyException e) {
            throw e;
        } catch (RuntimeException e) {
            if (SocketErrors.isIo(e)) throw SocketErrors.of(e);
            throw e;
        }
    }

    /** A wait that ran out of time (never a value an operation returns). */
    private static final Object TIMED_OUT = new Object();

    /**
     * Retries work, which returns null while the operation would block, waiting between tries
     * on the selector for op, with the interpreter lock released; TimeoutError when the
     * socket's timeout passes first.
     */
    private <T> T waitAndRetry(String label, int op, SelectableChannel ch, ChannelWork<T> work) {
        checkOpen();
        if (timeout != null && timeout == 0.0) throw SocketErrors.error(opWouldBlockErrno(op));
        Selector selector = attempt(() -> selectorFor(op, ch));
        long deadline = timeout == null ? 0 : System.nanoTime() + Blocking.toNanos(timeout);
        boolean timed = timeout != null;
        Object result;
        try {
            result = Blocking.call(label, () -> {
                try {
                    while (true) {
                        long waitMillis = 0;
                        if (timed) {
                            long left = deadline - System.nanoTime();
                            if (left <= 0) return TIMED_OUT;
                            waitMillis = Math.max(1, (left + 999_999) / 1_000_000);
                        }
                        synchronized (selector) {
                            selector.select(waitMillis);
                            selector.selectedKeys().clear();
                        }
                        if (Thread.interrupted()) throw new InterruptedException();
                        T done = work.run();
                        if (done != null) return done;
                    }
                } catch (IOException | RuntimeException e) {
                    throw new SocketErrors.Failure(e);
                }
            });
        } catch (SocketErrors.Failure f) {
            throw SocketErrors.of(f.cause);
        }
        if (result == TIMED_OUT) throw SocketErrors.timedOut();
        @SuppressWarnings("unchecked") T value = (T) result;
        return value;
    }

    private static int opWouldBlockErrno(int op) {
        return op == SelectionKey.OP_CONNECT ? SocketErrors.EINPROGRESS : SocketErrors.EAGAIN;
    }

    private synchronized Selector selectorFor(int op, SelectableChannel ch) throws IOException {
        boolean reading = op == SelectionKey.OP_READ || op == SelectionKey.OP_ACCEPT;
        Selector selector = reading ? readSelector : writeSelector;
        SelectionKey key = selector == null ? null : ch.keyFor(selector);
        if (key == null || !key.isValid()) {
            // First wait, or the socket changed channel (listen() after bind()): a fresh selector.
            if (selector != null) selector.close();
            selector = Selector.open();
            ch.register(selector, op);
            if (reading) readSelector = selector;
            else writeSelector = selector;
        } else if (key.interestOps() != op) {
            key.interestOps(op);
        }
        return selector;
    }

    // ------------------------------------------------------------------ addresses

    /** A Python address argument as a socket address (the host resolved without the lock). */
    private InetSocketAddress address(Object arg, String fname) {
        Object a = Ops.unbox(arg);
        if (!(a instanceof PyTuple t)) {
            throw Py.typeError(fname + "(): " + (family == AF_INET6 ? "AF_INET6" : "AF_INET")
                    + " address must be tuple, not " + Ops.typeName(arg));
        }
        int size = t.size();
        if (family == AF_INET ? size != 2 : size < 2 || size > 4) {
            throw Py.typeError(family == AF_INET ? "AF_INET address must be a pair (host, port)"
                    : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        }
        Object hostArg = Ops.unbox(t.get(0));
        String host;
        if (hostArg instanceof String s) host = s;
        else if (hostArg instanceof PyBytes b) host = new String(b.bytes, java.nio.charset.StandardCharsets.US_ASCII);
        else throw Py.typeError("str, bytes or bytearray expected, not " + Ops.typeName(t.get(0)));
        Object portArg = Ops.unbox(t.get(1));
        if (!(portArg instanceof Long || portArg instanceof Boolean || portArg instanceof java.math.BigInteger)) {
            throw Py.typeError("'" + Ops.typeName(t.get(1)) + "' object cannot be interpreted as an integer");
        }
        long port = Ops.indexLong(portArg);
        if (port < 0 || port > 65535) throw Py.overflowError(fname + "(): port must be 0-65535.");
        return new InetSocketAddress(Resolver.resolve(host, family), (int) port);
    }

    /** A socket address as CPython shows it: (host, port), or (host, port, flowinfo, scope_id). */
    Object addressTuple(SocketAddress address) {
        if (!(address instanceof InetSocketAddress isa)) {
            return family == AF_INET6 ? PyTuple.of("::", 0L, 0L, 0L) : PyTuple.of("0.0.0.0", 0L);
        }
        String host = Resolver.numeric(isa.getAddress());
        if (family == AF_INET6) {
            long scope = isa.getAddress() instanceof java.net.Inet6Address v6 ? v6.getScopeId() : 0;
            return PyTuple.of(host, (long) isa.getPort(), 0L, scope);
        }
        return PyTuple.of(host, (long) isa.getPort());
    }

    // ------------------------------------------------------------------ operations

    private void bind(Object addrArg) {
        checkOpen();
        InetSocketAddress address = address(addrArg, "bind");
        if (server != null || stream != null && attempt(stream::getLocalAddress) != null) {
            throw SocketErrors.error(SocketErrors.EINVAL);
        }
        attempt(() -> {
            SocketChannel ch = stream != null ? stream : newStream();
            try {
                ch.bind(address);
            } catch (IOException | RuntimeException e) {
                if (stream == null) ch.close();
                throw e;
            }
            stream = ch;
            return null;
        });
    }

    private void listen(int backlog) {
        checkOpen();
        if (server != null) return;
        if (stream != null && connected) throw SocketErrors.error(SocketErrors.EINVAL);
        attempt(() -> {
            SocketAddress bound = stream == null ? null : stream.getLocalAddress();
            ServerSocketChannel ch = ServerSocketChannel.open(protocolFamily());
            try {
                ch.configureBlocking(false);
                applyOptions(ch);
                if (stream != null) {
                    // The bound, unconnected channel gives its address to the listening one.
                    stream.close();
                    stream = null;
                }
                ch.bind(bound, Math.max(backlog, 0));
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            server = ch;
            return null;
        });
    }

    /** (descriptor, address) of the next connection, as _socket's _accept does. */
    private PyTuple accept() {
        checkOpen();
        ServerSocketChannel ch = server;
        if (ch == null) throw SocketErrors.error(SocketErrors.EINVAL);
        SocketChannel conn = attempt(ch::accept);
        if (conn == null) conn = waitAndRetry("accept", SelectionKey.OP_ACCEPT, ch, ch::accept);
        SocketChannel accepted = conn;
        Object peer = addressTuple(attempt(() -> {
            accepted.configureBlocking(false);
            return accepted.getRemoteAddress();
        }));
        int number = FileIO.newDescriptor();
        UNCLAIMED.put(number, accepted);
        return PyTuple.of((long) number, peer);
    }

    /** connect / connect_ex: 0 on success, else the errno (raised by connect, returned by connect_ex). */
    private int connect(Object addrArg, boolean raise) {
        checkOpen();
        InetSocketAddress address = address(addrArg, raise ? "connect" : "connect_ex");
        if (server != null) throw SocketErrors.error(SocketErrors.EISCONN);
        if (connected) return fail(SocketErrors.EISCONN, raise);
        try {
            SocketChannel ch = stream != null ? stream : attempt(this::newStream);
            stream = ch;
            if (ch.isConnectionPending()) {
                return fail(attempt(ch::finishConnect) ? 0 : SocketErrors.EALREADY, raise);
            }
            boolean done = attempt(() -> ch.connect(address));
            if (!done) {
                if (timeout != null && timeout == 0.0) return fail(SocketErrors.EINPROGRESS, raise);
                waitAndRetry("connect", SelectionKey.OP_CONNECT, ch, () -> ch.finishConnect() ? Boolean.TRUE : null);
            }
            connected = true;
            return 0;
        } catch (PyException e) {
            if (raise || !e.matches(dev.gild.runtime.PyExc.OSError) || e.matches(SocketErrors.GAIERROR)) throw e;
            Object errno = e.value.attr("errno");
            if (errno instanceof Long n) return (int) (long) n;
            throw e;
        }
    }

    private static int fail(int errno, boolean raise) {
        if (errno != 0 && raise) throw SocketErrors.error(errno);
        return errno;
    }

    private int checkFinishedConnect(SocketChannel ch) {
        if (!connected && ch.isConnectionPending() && attempt(ch::finishConnect)) connected = true;
        return 0;
    }

    private SocketChannel readable() {
        checkOpen();
        SocketChannel ch = stream;
        if (ch != null && !connected) checkFinishedConnect(ch);
        return connectedStream();
    }

    /** Reads up to len bytes into buf; 0 only at end of stream (or when len is 0). */
    private int receive(byte[] buf, int off, int len) {
        SocketChannel ch = readable();
        if (len == 0) return 0;
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        int n = attempt(() -> ch.read(bb));
        if (n == 0) {
            n = waitAndRetry("recv", SelectionKey.OP_READ, ch, () -> {
                int got = ch.read(bb);
                return got == 0 ? null : got;
            });
        }
        return Math.max(n, 0);
    }

    /** Sends some of the bytes; the count sent (at least 1 unless data is empty). */
    private int send(byte[] data, int off, int len) {
        SocketChannel ch = readable();
        ByteBuffer bb = ByteBuffer.wrap(data, off, len);
        int n = attempt(() -> ch.write(bb));
        if (n == 0 && len > 0) {
            n = waitAndRetry("send", SelectionKey.OP_WRITE, ch, () -> {
                int put = ch.write(bb);
                return put == 0 ? null : put;
            });
        }
        return n;
    }

    private void sendall(byte[] data) {
        SocketChannel ch = readable();
        ByteBuffer bb = ByteBuffer.wrap(data);
        attempt(() -> ch.write(bb));
        if (bb.hasRemaining()) {
            waitAndRetry("send", SelectionKey.OP_WRITE, ch, () -> {
                ch.write(bb);
                return bb.hasRemaining() ? null : Boolean.TRUE;
            });
        }
    }

    private void shutdown(int how) {
        checkOpen();
        if (how < SHUT_RD || how > SHUT_RDWR) throw SocketErrors.error(SocketErrors.EINVAL);
        SocketChannel ch = connectedStream();
        attempt(() -> {
            if (how != SHUT_WR) ch.shutdownInput();
            if (how != SHUT_RD) ch.shutdownOutput();
            return null;
        });
        // A reader waiting on this socket must see the end of input now.
        Selector r = readSelector;
        if (r != null) r.wakeup();
    }

    /** Closes the socket; the channels are closed too unless detaching (then returns the number). */
    int close() {
        int number = fd;
        if (number < 0) return -1;
        fd = -1;
        SocketChannel s = stream;
        ServerSocketChannel l = server;
        stream = null;
        server = null;
        connected = false;
        closeQuietly(s);
        closeQuietly(l);
        closeSelectors();
        return number;
    }

    private int detach() {
        int number = fd;
        if (number < 0) return -1;
        SocketChannel s = stream;
        fd = -1;
        stream = null;
        if (s != null) UNCLAIMED.put(number, s);
        closeQuietly(server);
        server = null;
        connected = false;
        closeSelectors();
        return number;
    }

    private synchronized void closeSelectors() {
        for (Selector s : new Selector[] {readSelector, writeSelector}) {
            if (s != null) {
                s.wakeup();
                closeQuietly(s);
            }
        }
        readSelector = null;
        writeSelector = null;
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing releases the descriptor whatever the outcome; CPython ignores this too.
        }
    }

    /** The channel select.select waits on for this socket, or null when it has none yet. */
    SelectableChannel channel() {
        return server != null ? server : stream;
    }

    boolean isListening() { return server != null; }

    int fileno() { return fd; }

    // ------------------------------------------------------------------ options and timeouts

    /** settimeout's argument check, shared with setdefaulttimeout. */
    static Double timeoutArg(Object value) {
        if (value == Py.None) return null;
        Object v = Ops.unbox(value);
        if (!(v instanceof Double || v instanceof Long || v instanceof Boolean || v instanceof java.math.BigInteger)) {
            throw Py.typeError("'" + Ops.typeName(value) + "' object cannot be interpreted as an integer");
        }
        double t = NumberOps.toDouble(v);
        if (Double.isNaN(t) || t < 0) throw Py.valueError("Timeout value out of range");
        return t;
    }

    private void setsockopt(int level, int name, Object value) {
        checkOpen();
        Object v = Ops.unbox(value);
        Object javaValue;
        if (v instanceof PyBytes) {
            // Raw option structures (SO_LINGER and the like) are accepted and kept, as the kernel would.
            javaValue = null;
        } else {
            long n = Ops.indexLong(v);
            javaValue = level == SOL_SOCKET && (name == SO_SNDBUF || name == SO_RCVBUF) ? (Object) (int) n : (Object) (n != 0);
        }
        int key = level << 16 | name;
        if (javaValue == null) return;
        options.put(key, javaValue);
        NetworkChannel ch = server != null ? server : stream;
        if (ch != null) {
            SocketOption<Object> option = javaOption(level, name, ch);
            if (option != null) attempt(() -> ch.setOption(option, javaValue));
        }
    }

    private Object getsockopt(int level, int name) {
        checkOpen();
        if (level == SOL_SOCKET && name == SO_TYPE) return (long) kind;
        if (level == SOL_SOCKET && name == SO_ERROR) return 0L;
        NetworkChannel ch = server != null ? server : stream;
        Object value = null;
        if (ch != null) {
            SocketOption<Object> option = javaOption(level, name, ch);
            if (option != null) value = attempt(() -> ch.getOption(option));
        }
        if (value == null) value = options.get(level << 16 | name);
        if (value instanceof Boolean b) return b ? 1L : 0L;
        if (value instanceof Integer i) return (long) i;
        return 0L;
    }

    // ------------------------------------------------------------------ Python methods

    private static SocketObject self(Object o) { return (SocketObject) o; }

    private static byte[] bytesArg(Object o, String fname) {
        Object v = Ops.unbox(o);
        if (v instanceof PyBytes b) return b.bytes;
        if (v instanceof PyByteArray ba) return java.util.Arrays.copyOf(ba.bytes, ba.size);
        throw Py.typeError("a bytes-like object is required, not '" + Ops.typeName(o) + "'");
    }

    private static int sizeArg(Object o, String fname) {
        long n = Ops.indexLong(o);
        if (n < 0) throw Py.valueError("negative buffersize in " + fname);
        return (int) Math.min(n, Integer.MAX_VALUE - 16);
    }

    private static void install() {
        PyType t = TYPE;
        t.defineStatic("__new__", (a, kw) -> ((PyType) a[0]).allocate());
        t.define("__init__", (a, kw) -> {
            Object[] p = Args.parse("socket", a, kw, 1, new String[] {"family", "type", "proto", "fileno"}, 0, 4);
            self(a[0]).init(p[0], p[1], p[2], p[3]);
            return Py.None;
        });
        t.defineGetter("family", o -> (long) self(o).family);
        t.defineGetter("type", o -> (long) self(o).kind);
        t.defineGetter("proto", o -> (long) self(o).proto);
        t.defineGetter("timeout", o -> self(o).timeout == null ? Py.None : (Object) self(o).timeout);
        t.define("fileno", (a, kw) -> {
            Args.check("fileno", a, kw, 1, 0, 0);
            return (long) self(a[0]).fd;
        });
        t.define("close", (a, kw) -> {
            Args.check("close", a, kw, 1, 0, 0);
            self(a[0]).close();
            return Py.None;
        });
        t.define("detach", (a, kw) -> {
            Args.check("detach", a, kw, 1, 0, 0);
            return (long) self(a[0]).detach();
        });
        t.define("bind", (a, kw) -> {
            Args.check("bind", a, kw, 1, 1, 1);
            self(a[0]).bind(a[1]);
            return Py.None;
        });
        t.define("listen", (a, kw) -> {
            Args.check("listen", a, kw, 1, 0, 1);
            self(a[0]).listen(a.length > 1 ? (int) Math.min(Ops.indexLong(a[1]), 1 << 16) : 128);
            return Py.None;
        });
        t.define("_accept", (a, kw) -> {
            Args.check("_accept", a, kw, 1, 0, 0);
            return self(a[0]).accept();
        });
        t.define("connect", (a, kw) -> {
            Args.check("connect", a, kw, 1, 1, 1);
            self(a[0]).connect(a[1], true);
            return Py.None;
        });
        t.define("connect_ex", (a, kw) -> {
            Args.check("connect_ex", a, kw, 1, 1, 1);
            return (long) self(a[0]).connect(a[1], false);
        });
        t.define("recv", (a, kw) -> {
            Args.check("recv", a, kw, 1, 1, 2);
            int n = sizeArg(a[1], "recv");
            byte[] buf = new byte[Math.min(n, 1 << 20)];
            int got = self(a[0]).receive(buf, 0, buf.length);
            return new PyBytes(got == buf.length ? buf : java.util.Arrays.copyOf(buf, got));
        });
        t.define("recv_into", (a, kw) -> {
            Object[] p = Args.parse("recv_into", a, kw, 1, new String[] {"buffer", "nbytes", "flags"}, 1, 3);
            if (!(p[0] instanceof PyByteArray ba)) {
                throw Py.typeError("recv_into() argument 'buffer' must be read-write bytes-like object, not "
                        + Ops.typeName(p[0]));
            }
            int n = p[1] == null ? 0 : sizeArg(p[1], "recv_into");
            if (n > ba.size) throw Py.valueError("buffer too small for requested bytes");
            int len = n == 0 ? ba.size : n;
            byte[] buf = new byte[len];
            int got = self(a[0]).receive(buf, 0, len);
            System.arraycopy(buf, 0, ba.bytes, 0, Math.min(got, ba.size));
            return (long) got;
        });
        t.define("send", (a, kw) -> {
            Args.check("send", a, kw, 1, 1, 2);
            byte[] data = bytesArg(a[1], "send");
            return (long) self(a[0]).send(data, 0, data.length);
        });
        t.define("sendall", (a, kw) -> {
            Args.check("sendall", a, kw, 1, 1, 2);
            self(a[0]).sendall(bytesArg(a[1], "sendall"));
            return Py.None;
        });
        t.define("shutdown", (a, kw) -> {
            Args.check("shutdown", a, kw, 1, 1, 1);
            self(a[0]).shutdown((int) Ops.indexLong(a[1]));
            return Py.None;
        });
        t.define("settimeout", (a, kw) -> {
            Args.check("settimeout", a, kw, 1, 1, 1);
            self(a[0]).timeout = timeoutArg(a[1]);
            return Py.None;
        });
        t.define("gettimeout", (a, kw) -> {
            Args.check("gettimeout", a, kw, 1, 0, 0);
            Double value = self(a[0]).timeout;
            return value == null ? Py.None : (Object) value;
        });
        t.define("setblocking", (a, kw) -> {
            Args.check("setblocking", a, kw, 1, 1, 1);
            self(a[0]).timeout = Ops.isTrue(a[1]) ? null : 0.0;
            return Py.None;
        });
        t.define("getblocking", (a, kw) -> {
            Args.check("getblocking", a, kw, 1, 0, 0);
            Double value = self(a[0]).timeout;
            return Py.bool(value == null || value != 0.0);
        });
        t.define("setsockopt", (a, kw) -> {
            Args.check("setsockopt", a, kw, 1, 3, 4);
            self(a[0]).setsockopt((int) Ops.indexLong(a[1]), (int) Ops.indexLong(a[2]), a[3]);
            return Py.None;
        });
        t.define("getsockopt", (a, kw) -> {
            Args.check("getsockopt", a, kw, 1, 2, 3);
            return self(a[0]).getsockopt((int) Ops.indexLong(a[1]), (int) Ops.indexLong(a[2]));
        });
        t.define("getsockname", (a, kw) -> {
            Args.check("getsockname", a, kw, 1, 0, 0);
            SocketObject s = self(a[0]);
            s.checkOpen();
            NetworkChannel ch = s.server != null ? s.server : s.stream;
            return s.addressTuple(ch == null ? null : attempt(ch::getLocalAddress));
        });
        t.define("getpeername", (a, kw) -> {
            Args.check("getpeername", a, kw, 1, 0, 0);
            SocketObject s = self(a[0]);
            SocketChannel ch = s.readable();
            return s.addressTuple(attempt(ch::getRemoteAddress));
        });
    }
}
