package dev.gild.stdlib.io;

import dev.gild.runtime.Args;
import dev.gild.runtime.Codecs;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;

/**
 * io.TextIOWrapper: text over a binary stream. Decoded text is kept untranslated (as it was in
 * the file) and newlines are translated as it is consumed, so tell() can always turn the read
 * position back into a byte offset: the offset of the decoded text's start plus the encoded
 * length of what was consumed. UTF-8, Latin-1 and ASCII decode chunk by chunk (an incomplete
 * UTF-8 sequence at a chunk's end waits for the next chunk); other encodings decode the rest of
 * the stream at once.
 */
public final class TextIO extends PyObject implements IoSupport.Guarded {
    public static final PyType TYPE = IoSupport.newType("TextIOWrapper", IoSupport.TEXT_BASE);
    private static final int CHUNK = 8192;

    private enum Kind { UTF8, LATIN1, ASCII, OTHER }

    static {
        install();
    }

    final ByteStream buffer;
    final String encoding;
    final String errors;
    /** null: universal newlines; "", "\n", "\r" or "\r\n" otherwise. */
    final String newline;
    private final Kind kind;
    private final boolean translateOnRead;
    private final String writeNewline;
    boolean lineBuffering;
    private final boolean writeThrough;
    String mode;

    private String decoded = "";
    private int decodedPos;
    private long decodedStart = -1;
    private byte[] carry = new byte[0];
    /** Whether text was written already (a BOM-writing codec writes its BOM only first). */
    private boolean wroteBom;

    TextIO(ByteStream buffer, String encoding, String errors, String newline, boolean lineBuffering, boolean writeThrough) {
        if (newline != null && !newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r") && !newline.equals("\r\n")) {
            throw Py.valueError("illegal newline value: " + newline);
        }
        this.buffer = buffer;
        this.encoding = encoding;
        this.errors = errors == null ? "strict" : errors;
        this.newline = newline;
        this.kind = classify(encoding);
        this.translateOnRead = newline == null;
        this.writeNewline = newline == null || newline.isEmpty() || newline.equals("\n") ? null : newline;
        this.lineBuffering = lineBuffering;
        this.writeThrough = writeThrough;
    }

    /** The encoding a text stream uses: the locale's (always UTF-8 here) for None and "locale". */
    static String encodingName(String requested) {
        return requested == null || requested.equals("locale") ? "UTF-8" : requested;
    }

    /** Identifies the codecs that decode incrementally by how they encode 'é' (also validates the name). */
    private static Kind classify(String encoding) {
        byte[] e = Codecs.encode("\u00e9", encoding, "replace");
        if (e.length == 2 && (e[0] & 0xff) == 0xc3 && (e[1] & 0xff) == 0xa9) return Kind.UTF8;
        if (e.length == 1 && (e[0] & 0xff) == 0xe9) return Kind.LATIN1;
        if (e.length == 1 && e[0] == '?') return Kind.ASCII;
        return Kind.OTHER;
    }

    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();

    @Override public java.util.concurrent.locks.ReentrantLock lock() { return lock; }

    @Override public PyType getType() { return TYPE; }

    private void checkOpen() {
        if (buffer.isClosed()) throw IoSupport.closedFile();
    }

    private void checkReadable() {
        checkOpen();
        if (!buffer.readable()) throw IoSupport.unsupported("not readable");
    }

    private void checkWritable() {
        checkOpen();
        if (!buffer.writable()) throw IoSupport.unsupported("not writable");
    }

    // ------------------------------------------------------------------ decoding

    private int byteLength(String s, int from, int to) {
        switch (kind) {
            case LATIN1, ASCII:
                return to - from;
            case UTF8: {
                int n = 0;
                for (int i = from; i < to; i++) {
                    char c = s.charAt(i);
                    if (c < 0x80) n++;
                    else if (c < 0x800) n += 2;
                    else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                        n += 4;
                        i++;
                    } else n += 3;
                }
                return n;
            }
            default:
                return encodeBody(s.substring(from, to)).length;
        }
    }

    /** Appends the next chunk of decoded text; false at end of stream. */
    private boolean fill() {
        if (decodedStart < 0) decodedStart = buffer.seekable() ? buffer.tell() : 0;
        if (decodedPos > 0) {
            decodedStart += byteLength(decoded, 0, decodedPos);
            decoded = decoded.substring(decodedPos);
            decodedPos = 0;
        }
        byte[] chunk = buffer.read(kind == Kind.OTHER ? -1 : CHUNK);
        if (chunk.length == 0) {
            if (carry.length == 0) return false;
            byte[] rest = carry;
            carry = new byte[0];
            decoded = decoded + Codecs.decode(rest, rest.length, encoding, errors);
            return true;
        }
        byte[] data = chunk;
        if (carry.length > 0) {
            data = new byte[carry.length + chunk.length];
            System.arraycopy(carry, 0, data, 0, carry.length);
            System.arraycopy(chunk, 0, data, carry.length, chunk.length);
        }
        int complete = kind == Kind.UTF8 ? completeUtf8Length(data) : data.length;
        carry = complete == data.length ? new byte[0] : java.util.Arrays.copyOfRange(data, complete, data.length);
        String text = Codecs.decode(data, complete, encoding, errors);
        decoded = decoded.isEmpty() ? text : decoded + text;
        return true;
    }

    /** Length of data without a trailing incomplete UTF-8 sequence. */
    private static int completeUtf8Length(byte[] data) {
        int n = data.length;
        for (int back = 1; back <= 3 && back <= n; back++) {
            int b = data[n - back] & 0xff;
            if (b < 0x80) return n;
            if (b >= 0xc0) {
                int need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
                return need > back ? n - back : n;
            }
        }
        return n;
    }

    private void resetDecoder() {
        decoded = "";
        decodedPos = 0;
        decodedStart = -1;
        carry = new byte[0];
    }

    private static String translate(String s) {
        if (s.indexOf('\r') < 0) return s;
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    // ------------------------------------------------------------------ reading

    String readAll() {
        checkReadable();
        buffer.flush();
        String rest = decoded.substring(decodedPos);
        byte[] bytes = buffer.read(-1);
        if (carry.length > 0) {
            byte[] all = new byte[carry.length + bytes.length];
            System.arraycopy(carry, 0, all, 0, carry.length);
            System.arraycopy(bytes, 0, all, carry.length, bytes.length);
            bytes = all;
        }
        String text = bytes.length == 0 ? rest : rest + Codecs.decode(bytes, bytes.length, encoding, errors);
        resetDecoder();
        return translateOnRead ? translate(text) : text;
    }

    String read(int n) {
        if (n < 0) return readAll();
        checkReadable();
        StringBuilder out = new StringBuilder(Math.min(n, CHUNK));
        int count = 0;
        while (count < n) {
            if (decodedPos >= decoded.length() && !fill()) break;
            char c = decoded.charAt(decodedPos++);
            if (c == '\r' && translateOnRead) {
                if (decodedPos >= decoded.length()) fill();
                if (decodedPos < decoded.length() && decoded.charAt(decodedPos) == '\n') decodedPos++;
                c = '\n';
            }
            out.append(c);
            if (Character.isHighSurrogate(c) && decodedPos < decoded.length() && Character.isLowSurrogate(decoded.charAt(decodedPos))) {
                out.append(decoded.charAt(decodedPos++));
            }
            count++;
        }
        return out.toString();
    }

    /** One line with its terminator (translated per the newline mode), at most limit characters. */
    String readline(int limit) {
        checkReadable();
        if (limit >= 0) return readlineLimited(limit);
        int searchFrom = decodedPos;
        while (true) {
            String s = decoded;
            int end = -1;
            int termLen = 0;
            if (newline == null || newline.isEmpty()) {
                int i = searchFrom;
                for (; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '\n' || c == '\r') break;
                }
                if (i < s.length() && (s.charAt(i) == '\n' || i + 1 < s.length())) {
                    end = i;
                    termLen = s.charAt(i) == '\r' && s.charAt(i + 1) == '\n' ? 2 : 1;
                }
                searchFrom = i;
            } else {
                int i = s.indexOf(newline, searchFrom);
                if (i >= 0) {
                    end = i;
                    termLen = newline.length();
                } else {
                    searchFrom = Math.max(decodedPos, s.length() - newline.length() + 1);
                }
            }
            if (end >= 0) {
                String line = translateOnRead ? s.substring(decodedPos, end) + "\n" : s.substring(decodedPos, end + termLen);
                decodedPos = end + termLen;
                return line;
            }
            int consumedBefore = decodedPos;
            if (!fill()) {
                String line = decoded.substring(decodedPos);
                decodedPos = decoded.length();
                if (translateOnRead && line.endsWith("\r")) line = line.substring(0, line.length() - 1) + "\n";
                return line;
            }
            searchFrom -= consumedBefore - decodedPos;
        }
    }

    /** readline(limit): character by character, stopping after a line end or limit characters. */
    private String readlineLimited(int limit) {
        StringBuilder out = new StringBuilder();
        while (out.length() < limit) {
            if (decodedPos >= decoded.length() && !fill()) break;
            char c = decoded.charAt(decodedPos);
            if (c == '\r' && (newline == null || newline.isEmpty() || newline.equals("\r\n"))) {
                if (decodedPos + 1 >= decoded.length()) fill();
                boolean crlf = decodedPos + 1 < decoded.length() && decoded.charAt(decodedPos + 1) == '\n';
                if (newline != null && newline.equals("\r\n") && !crlf) {
                    out.append(c);
                    decodedPos++;
                    continue;
                }
                decodedPos += crlf ? 2 : 1;
                out.append(translateOnRead ? "\n" : crlf ? "\r\n" : "\r");
                break;
            }
            out.append(c);
            decodedPos++;
            if (c == '\n' && (newline == null || newline.isEmpty() || newline.equals("\n"))) break;
            if (c == '\r' && "\r".equals(newline)) break;
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ writing

    private byte[] encodeBody(String s) {
        return Codecs.encode(s, bodyEncoding(), errors);
    }

    /** BOM-writing codecs write their BOM only at the start of the stream. */
    private String bodyEncoding() {
        if (kind != Kind.OTHER) return encoding;
        String probe = encoding.toLowerCase().replace('_', '-');
        if (probe.equals("utf-16") || probe.equals("utf16")) return "utf-16-le";
        if (probe.equals("utf-32") || probe.equals("utf32")) return "utf-32-le";
        if (probe.equals("utf-8-sig")) return "utf-8";
        return encoding;
    }

    int write(String s) {
        checkWritable();
        if (decodedStart >= 0 && buffer.seekable()) {
            long pos = tell();
            resetDecoder();
            buffer.seek(pos, 0);
        }
        String text = writeNewline == null ? s : s.replace("\n", writeNewline);
        boolean withBom = kind == Kind.OTHER && !wroteBom && !(buffer.seekable() && buffer.tell() > 0);
        byte[] bytes = withBom ? Codecs.encode(text, encoding, errors) : encodeBody(text);
        wroteBom = true;
        buffer.write(bytes, 0, bytes.length);
        if (writeThrough || lineBuffering && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) buffer.flush();
        return s.codePointCount(0, s.length());
    }

    long tell() {
        checkOpen();
        buffer.flush();
        if (decodedStart < 0) return buffer.tell();
        return decodedStart + byteLength(decoded, 0, decodedPos);
    }

    long seek(long cookie, int whence) {
        checkOpen();
        if (whence == 1) {
            if (cookie != 0) throw IoSupport.unsupported("can't do nonzero cur-relative seeks");
            return tell();
        }
        if (whence == 2) {
            if (cookie != 0) throw IoSupport.unsupported("can't do nonzero end-relative seeks");
            buffer.flush();
            resetDecoder();
            return buffer.seek(0, 2);
        }
        if (cookie < 0) throw Py.valueError("negative seek position " + cookie);
        buffer.flush();
        resetDecoder();
        return buffer.seek(cookie, 0);
    }

    void close() {
        if (buffer.isClosed()) return;
        try {
            buffer.flush();
        } finally {
            buffer.close();
        }
    }

    private String repr() {
        StringBuilder sb = new StringBuilder("<_io.TextIOWrapper");
        Object name = Ops.getattrOrNull(buffer.pyObject(), "name");
        if (name != null) sb.append(" name=").append(Ops.repr(name));
        if (mode != null) sb.append(" mode='").append(mode).append('\'');
        return sb.append(" encoding='").append(encoding).append("'>").toString();
    }

    private static TextIO self(Object o) { return (TextIO) o; }

    private static void install() {
        PyType t = TYPE;
        t.defineStatic("__new__", (args, kw) -> {
            Object[] a = Args.parse("TextIOWrapper", args, kw, 1,
                    new String[] {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1, 6);
            ByteStream stream = a[0] instanceof ByteStream b ? b : new PyByteStream(a[0]);
            String enc = IoSupport.optStr(a[1], "TextIOWrapper", "encoding");
            TextIO w = new TextIO(stream, encodingName(enc), IoSupport.optStr(a[2], "TextIOWrapper", "errors"),
                    IoSupport.optStr(a[3], "TextIOWrapper", "newline"),
                    a[4] != null && Ops.isTrue(a[4]), a[5] != null && Ops.isTrue(a[5]));
            return w;
        });
        IoSupport.defineGuarded(t, "read", (args, kw) -> {
            Args.check("read", args, kw, 1, 0, 1);
            return self(args[0]).read(IoSupport.size(args.length > 1 ? args[1] : null));
        });
        IoSupport.defineGuarded(t, "readline", (args, kw) -> {
            Args.check("readline", args, kw, 1, 0, 1);
            return self(args[0]).readline(IoSupport.size(args.length > 1 ? args[1] : null));
        });
        IoSupport.defineGuarded(t, "readlines", (args, kw) -> {
            TextIO f = self(args[0]);
            int hint = IoSupport.size(args.length > 1 ? args[1] : null);
            PyList out = new PyList();
            long total = 0;
            for (String line = f.readline(-1); !line.isEmpty(); line = f.readline(-1)) {
                out.append(line);
                total += line.length();
                if (hint > 0 && total >= hint) break;
            }
            return out;
        });
        t.define("__iter__", (args, kw) -> {
            self(args[0]).checkOpen();
            return args[0];
        });
        IoSupport.defineGuarded(t, "__next__", (args, kw) -> {
            String line = self(args[0]).readline(-1);
            if (line.isEmpty()) throw Py.stopIteration();
            return line;
        });
        IoSupport.defineGuarded(t, "write", (args, kw) -> {
            Args.check("write", args, kw, 1, 1, 1);
            Object s = Ops.unbox(args[1]);
            if (!(s instanceof String str)) throw Py.typeError("write() argument must be str, not " + Ops.typeName(args[1]));
            return (long) self(args[0]).write(str);
        });
        IoSupport.defineGuarded(t, "writelines", (args, kw) -> {
            TextIO f = self(args[0]);
            for (Object line : Ops.toArray(args[1])) {
                Object s = Ops.unbox(line);
                if (!(s instanceof String str)) throw Py.typeError("write() argument must be str, not " + Ops.typeName(line));
                f.write(str);
            }
            return Py.None;
        });
        IoSupport.defineGuarded(t, "flush", (args, kw) -> {
            self(args[0]).checkOpen();
            self(args[0]).buffer.flush();
            return Py.None;
        });
        IoSupport.defineGuarded(t, "seek", (args, kw) -> {
            Args.check("seek", args, kw, 1, 1, 2);
            return self(args[0]).seek(Ops.indexLong(args[1]), IoSupport.whence(args.length > 2 ? args[2] : null));
        });
        IoSupport.defineGuarded(t, "tell", (args, kw) -> self(args[0]).tell());
        IoSupport.defineGuarded(t, "truncate", (args, kw) -> {
            TextIO f = self(args[0]);
            f.checkWritable();
            long pos = args.length > 1 && args[1] != Py.None ? Ops.indexLong(args[1]) : f.tell();
            f.buffer.flush();
            return f.buffer.truncate(pos);
        });
        IoSupport.defineGuarded(t, "close", (args, kw) -> {
            self(args[0]).close();
            return Py.None;
        });
        IoSupport.defineGuarded(t, "detach", (args, kw) -> {
            TextIO f = self(args[0]);
            f.buffer.flush();
            return f.buffer.pyObject();
        });
        t.define("fileno", (args, kw) -> Ops.call(Ops.getattr(self(args[0]).buffer.pyObject(), "fileno")));
        t.define("readable", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.bool(self(args[0]).buffer.readable());
        });
        t.define("writable", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.bool(self(args[0]).buffer.writable());
        });
        t.define("seekable", (args, kw) -> {
            self(args[0]).checkOpen();
            return Py.bool(self(args[0]).buffer.seekable());
        });
        t.define("isatty", (args, kw) -> {
            self(args[0]).checkOpen();
            return Boolean.FALSE;
        });
        IoSupport.defineGuarded(t, "reconfigure", (args, kw) -> {
            Object[] a = Args.parse("reconfigure", args, kw, 1, new String[] {"line_buffering"}, 0, 0);
            if (a[0] != null) self(args[0]).lineBuffering = Ops.isTrue(a[0]);
            return Py.None;
        });
        t.define("__enter__", (args, kw) -> {
            self(args[0]).checkOpen();
            return args[0];
        });
        IoSupport.defineGuarded(t, "__exit__", (args, kw) -> {
            self(args[0]).close();
            return Py.None;
        });
        t.define("__repr__", (args, kw) -> self(args[0]).repr());
        t.defineGetter("closed", o -> Py.bool(self(o).buffer.isClosed()));
        t.defineGetter("buffer", o -> self(o).buffer.pyObject());
        t.defineGetter("name", o -> Ops.getattr(self(o).buffer.pyObject(), "name"));
        t.defineGetter("mode", o -> self(o).mode == null ? Py.None : self(o).mode);
        t.defineGetter("encoding", o -> self(o).encoding);
        t.defineGetter("errors", o -> self(o).errors);
        t.defineGetter("newlines", o -> Py.None);
        t.defineGetter("line_buffering", o -> Py.bool(self(o).lineBuffering));
        t.defineGetter("write_through", o -> Py.bool(self(o).writeThrough));
    }
}
