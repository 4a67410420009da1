"""TCP sockets with CPython 3.11's API, over the native _socket module.

The socket class adds what CPython's socket.py adds to _socket.socket: the context manager,
accept() returning socket objects, makefile(), the enum views of family and type, and the repr.
makefile() files count as references: the connection closes when the socket and all its files
are closed, so a handler may close the socket while a reader still drains the file.

Blocking operations (accept, connect, recv, send and their relatives) release the interpreter
lock while they wait, in the native half.
"""

import _socket
from _socket import *
import io
import os
from enum import IntEnum

__all__ = ["socket", "create_connection", "create_server", "has_dualstack_ipv6", "AddressFamily",
           "SocketKind", "getfqdn", "SocketIO", "timeout", "error", "gaierror", "herror"]


class AddressFamily(IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10


class SocketKind(IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW

_LOCALHOST = "127.0.0.1"
_LOCALHOST_V6 = "::1"


def _as_enum(value, enum_class):
    try:
        return enum_class(value)
    except ValueError:
        return value


class socket(_socket.socket):
    """A TCP socket (AF_INET or AF_INET6, SOCK_STREAM)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__, " [closed]" if closed else "",
            self.fileno(), self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    text += ", laddr=%s" % str(laddr)
            except OSError:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    text += ", raddr=%s" % str(raddr)
            except OSError:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    @property
    def family(self):
        return _as_enum(_socket.socket.family.__get__(self), AddressFamily)

    @property
    def type(self):
        return _as_enum(_socket.socket.type.__get__(self), SocketKind)

    def dup(self):
        raise OSError(95, "Operation not supported")

    def accept(self):
        """Waits for a connection: (new socket, address of the peer)."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading and/or writing this socket (modes r, w, rw, rb, wb, rwb)."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        rawmode = ("r" if reading else "") + ("w" if writing else "")
        raw = SocketIO(self, rawmode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        if reading and writing:
            buffer = _BufferedSocketRWPair(raw, buffering)
        elif reading:
            buffer = _BufferedSocketReader(raw, buffering)
        else:
            buffer = _BufferedSocketWriter(raw, buffering)
        if binary:
            return buffer
        encoding = io.text_encoding(encoding)
        return io.TextIOWrapper(_TextSocketSource(buffer), encoding, errors, newline)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        self._closed = True
        return super().detach()

    def get_inheritable(self):
        return False

    def set_inheritable(self, inheritable):
        pass


SocketType = _socket.socket


class SocketIO:
    """Raw binary file over a socket: readinto is recv_into, write is send."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timeout_occurred = False
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def readinto(self, b):
        self._check_closed()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(b)
        except TimeoutError:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def read(self, size=-1):
        """Up to size bytes, whatever arrives first (all until end of stream when size < 0)."""
        self._check_closed()
        if size is None or size < 0:
            chunks = []
            while True:
                data = self._sock.recv(65536)
                if not data:
                    return b"".join(chunks)
                chunks.append(data)
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv(size)
        except TimeoutError:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def write(self, b):
        self._check_closed()
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def readable(self):
        self._check_closed()
        return self._reading

    def writable(self):
        self._check_closed()
        return self._writing

    def seekable(self):
        self._check_closed()
        return False

    def fileno(self):
        self._check_closed()
        return self._sock.fileno()

    def flush(self):
        self._check_closed()

    @property
    def name(self):
        if not self.closed:
            return self.fileno()
        return -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._sock._decref_socketios()
        self._sock = None

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<socket.SocketIO name=%r>" % (self.name,)


class _BufferedSocketBase:
    """What the buffered socket files share: closing, the context manager, fileno, flags."""

    def __init__(self, raw, buffer_size):
        self.raw = raw
        self._buffer_size = buffer_size

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def fileno(self):
        return self.raw.fileno()

    def seekable(self):
        return False

    def isatty(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def flush(self):
        if self.closed:
            raise ValueError("flush of closed file")

    def close(self):
        if self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def __enter__(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __repr__(self):
        return "<_io.%s name=%r>" % (self._kind, self.name)


class _BufferedSocketReader(_BufferedSocketBase):
    """A read-ahead buffer over a SocketIO, with BufferedReader's methods and semantics."""

    _kind = "BufferedReader"

    def __init__(self, raw, buffer_size):
        super().__init__(raw, buffer_size)
        self._buf = b""
        self._pos = 0

    def readable(self):
        return True

    def _check_open(self):
        if self.raw.closed:
            raise ValueError("read of closed file")

    def _available(self):
        return len(self._buf) - self._pos

    def _take(self, n):
        data = self._buf[self._pos:self._pos + n]
        self._pos += len(data)
        if self._pos >= len(self._buf):
            self._buf = b""
            self._pos = 0
        return data

    def _fill(self, want):
        """Reads once from the socket into the buffer; False at end of stream."""
        chunk = self.raw.read(max(want, self._buffer_size))
        if not chunk:
            return False
        if self._pos:
            self._buf = self._buf[self._pos:] + chunk
            self._pos = 0
        else:
            self._buf = self._buf + chunk
        return True

    def read(self, size=-1):
        """size bytes, fewer only at end of stream; everything until the end when size < 0."""
        self._check_open()
        if size is None or size < 0:
            parts = [self._take(self._available())]
            while True:
                chunk = self.raw.read(max(self._buffer_size, 65536))
                if not chunk:
                    return b"".join(parts)
                parts.append(chunk)
        while self._available() < size:
            if not self._fill(size - self._available()):
                break
        return self._take(size)

    def read1(self, size=-1):
        """At most size bytes with at most one read from the socket."""
        self._check_open()
        if size is None or size < 0:
            size = self._buffer_size
        if size == 0:
            return b""
        if not self._available():
            self._fill(size)
        return self._take(size)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readinto1(self, b):
        data = self.read1(len(b))
        b[:len(data)] = data
        return len(data)

    def peek(self, size=0):
        self._check_open()
        if not self._available():
            self._fill(max(size, 1))
        return self._buf[self._pos:]

    def readline(self, size=-1):
        """One line, with its b'\\n'; at most size bytes when size >= 0."""
        self._check_open()
        if size is None:
            size = -1
        start = self._pos
        while True:
            end = self._buf.find(b"\n", start)
            if end >= 0:
                length = end + 1 - self._pos
                break
            if size >= 0 and self._available() >= size:
                length = size
                break
            start = len(self._buf)
            before = self._pos
            if not self._fill(self._buffer_size):
                length = self._available()
                break
            start -= before - self._pos
        if size >= 0:
            length = min(length, size)
        return self._take(length)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines


class _BufferedSocketWriter(_BufferedSocketBase):
    """A write buffer over a SocketIO, sent with sendall when full or flushed."""

    _kind = "BufferedWriter"

    def __init__(self, raw, buffer_size):
        super().__init__(raw, buffer_size)
        self._pending = bytearray()

    def writable(self):
        return True

    def write(self, data):
        if self.raw.closed:
            raise ValueError("write to closed file")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._pending += data
        if len(self._pending) >= self._buffer_size:
            self.flush()
        return len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.raw.closed:
            raise ValueError("flush of closed file")
        if self._pending:
            data = bytes(self._pending)
            self._pending = bytearray()
            self.raw._sock.sendall(data)


class _BufferedSocketRWPair(_BufferedSocketReader):
    """Reading and writing one socket (mode 'rwb'): a read buffer and a write buffer."""

    _kind = "BufferedRWPair"

    def __init__(self, raw, buffer_size):
        super().__init__(raw, buffer_size)
        self._writer = _BufferedSocketWriter(raw, buffer_size)

    def writable(self):
        return True

    def write(self, data):
        return self._writer.write(data)

    def writelines(self, lines):
        self._writer.writelines(lines)

    def flush(self):
        self._writer.flush()


class _TextSocketSource:
    """The binary stream under a text-mode socket file: reads return what has arrived (the text
    layer asks for large chunks and must not wait for all of them), writes go out whole."""

    def __init__(self, buffer):
        self._buffer = buffer

    def read(self, size=-1):
        if size is None or size < 0:
            return self._buffer.read()
        return self._buffer.read1(size)

    def read1(self, size=-1):
        return self._buffer.read1(size)

    def write(self, data):
        result = self._buffer.write(data)
        self._buffer.flush()
        return result

    def flush(self):
        if self._buffer.writable():
            self._buffer.flush()

    def close(self):
        self._buffer.close()

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    def fileno(self):
        return self._buffer.fileno()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return False

    def isatty(self):
        return False


def getfqdn(name=""):
    return _socket.getfqdn(name)


def create_connection(address, timeout=None, source_address=None, *, all_errors=False):
    """Connects to (host, port), trying each address the host resolves to; the connected socket."""
    host, port = address
    errors = []
    for family, kind, proto, canonname, sockaddr in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            errors.clear()
            return sock
        except OSError as exc:
            errors.append(exc)
            if sock is not None:
                sock.close()
    if errors:
        try:
            raise errors[0]
        finally:
            errors.clear()
    raise OSError("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False):
    """A listening TCP socket bound to address (SO_REUSEADDR set, as CPython does on POSIX)."""
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        try:
            sock.bind(address)
        except OSError as err:
            raise OSError(err.errno, "%s (while attempting to bind on address %r)" % (err.strerror, address)) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise
