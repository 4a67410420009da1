package dev.gild.stdlib.binary;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

/**
 * {@code zlib} on the JDK's Deflater/Inflater (zlib, raw deflate and gzip containers, chosen by
 * wbits as in CPython), with crc32/adler32 that continue from a given value. Work on at least
 * 2 KiB of input runs with the interpreter lock released.
 */
public final class ZlibModule implements ModuleProvider {
    static final PyType ERROR = ErrorClasses.define("zlib", "error", PyExc.Exception);
    static final PyType COMPRESS = PyTypes.newBuiltin("Compress", PyTypes.OBJECT, false, null);
    static final PyType DECOMPRESS = PyTypes.newBuiltin("Decompress", PyTypes.OBJECT, false, null);

    static final int Z_NO_FLUSH = 0, Z_PARTIAL_FLUSH = 1, Z_SYNC_FLUSH = 2, Z_FULL_FLUSH = 3, Z_FINISH = 4, Z_BLOCK = 5;

    @Override public String name() { return "zlib"; }

    static RuntimeException error(String message) { return Py.raise(ERROR, message); }

    /** The container a wbits value selects. */
    enum Container { ZLIB, RAW, GZIP, AUTO }

    static Container containerForCompress(int wbits) {
        if (wbits >= 9 && wbits <= 15) return Container.ZLIB;
        if (wbits >= -15 && wbits <= -9) return Container.RAW;
        if (wbits >= 25 && wbits <= 31) return Container.GZIP;
        throw error("Invalid initialization option");
    }

    static Container containerForDecompress(int wbits) {
        if (wbits == 0 || (wbits >= 8 && wbits <= 15)) return Container.ZLIB;
        if (wbits >= -15 && wbits <= -8) return Container.RAW;
        if (wbits >= 24 && wbits <= 31) return Container.GZIP;
        if (wbits >= 40 && wbits <= 47 || wbits == 32) return Container.AUTO;
        throw Py.valueError("Invalid initialization option");
    }

    private static int intArg(Object o) {
        return Ops.indexInt(o);
    }

    private static long unsignedValue(Object o) {
        Object v = Ops.index(o);
        if (v instanceof Long l) return l & 0xFFFFFFFFL;
        return ((BigInteger) v).longValue() & 0xFFFFFFFFL;
    }

    /** Runs work with the interpreter lock released when the input is large, as CPython does. */
    static <T> T maybeReleasing(int size, Blocking.Call<T> work) {
        if (size >= Buffers.RELEASE_LOCK_THRESHOLD) return Blocking.call(work);
        try {
            return work.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Py.raise(PyExc.KeyboardInterrupt, "");
        }
    }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("zlib");
        m.set("error", ERROR);
        m.set("Z_NO_COMPRESSION", 0L);
        m.set("Z_BEST_SPEED", 1L);
        m.set("Z_BEST_COMPRESSION", 9L);
        m.set("Z_DEFAULT_COMPRESSION", -1L);
        m.set("Z_FILTERED", 1L);
        m.set("Z_HUFFMAN_ONLY", 2L);
        m.set("Z_RLE", 3L);
        m.set("Z_FIXED", 4L);
        m.set("Z_DEFAULT_STRATEGY", 0L);
        m.set("Z_NO_FLUSH", 0L);
        m.set("Z_PARTIAL_FLUSH", 1L);
        m.set("Z_SYNC_FLUSH", 2L);
        m.set("Z_FULL_FLUSH", 3L);
        m.set("Z_FINISH", 4L);
        m.set("Z_BLOCK", 5L);
        m.set("Z_TREES", 6L);
        m.set("DEFLATED", 8L);
        m.set("MAX_WBITS", 15L);
        m.set("DEF_MEM_LEVEL", 8L);
        m.set("DEF_BUF_SIZE", 16384L);
        m.set("ZLIB_VERSION", "1.2.13");
        m.set("ZLIB_RUNTIME_VERSION", "1.2.13");
        m.set("Compress", COMPRESS);
        m.set("Decompress", DECOMPRESS);

        m.define("crc32", (args, kw) -> {
            Args.check("crc32", args, kw, 0, 1, 2);
            byte[] data = Buffers.bytes(args[0]);
            long start = args.length > 1 ? unsignedValue(args[1]) : 0;
            return maybeReleasing(data.length, () -> Checksums.crc32(start, data));
        });
        m.define("adler32", (args, kw) -> {
            Args.check("adler32", args, kw, 0, 1, 2);
            byte[] data = Buffers.bytes(args[0]);
            long start = args.length > 1 ? unsignedValue(args[1]) : 1;
            return maybeReleasing(data.length, () -> Checksums.adler32(start, data));
        });
        m.define("compress", (args, kw) -> {
            Object[] p = Args.parse("compress", args, kw, 0, new String[] {"", "level", "wbits"}, 1, 2);
            byte[] data = Buffers.bytes(p[0]);
            int level = p[1] == null ? -1 : intArg(p[1]);
            int wbits = p[2] == null ? 15 : intArg(p[2]);
            Compressor c = new Compressor(level, containerForCompress(wbits), 0);
            return new PyBytes(maybeReleasing(data.length, () -> c.compressAll(data)));
        });
        m.define("decompress", (args, kw) -> {
            Object[] p = Args.parse("decompress", args, kw, 0, new String[] {"", "wbits", "bufsize"}, 1, 3);
            byte[] data = Buffers.bytes(p[0]);
            int wbits = p[1] == null ? 15 : intArg(p[1]);
            if (p[2] != null && intArg(p[2]) < 0) throw Py.valueError("bufsize must be non-negative");
            Decompressor d = new Decompressor(containerForDecompress(wbits));
            byte[] out = maybeReleasing(data.length, () -> d.feed(data, 0));
            if (!d.eof) throw error("Error -5 while decompressing data: incomplete or truncated stream");
            return new PyBytes(out);
        });
        m.define("compressobj", (args, kw) -> {
            Object[] p = Args.parse("compressobj", args, kw, 0,
                    new String[] {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, 6);
            int level = p[0] == null ? -1 : intArg(p[0]);
            if (p[1] != null && intArg(p[1]) != 8) throw Py.valueError("Invalid initialization option");
            int wbits = p[2] == null ? 15 : intArg(p[2]);
            int strategy = p[4] == null ? 0 : intArg(p[4]);
            Compressor c;
            try {
                c = new Compressor(level, containerForCompress(wbits), strategy);
            } catch (RuntimeException e) {
                throw Py.valueError("Invalid initialization option");
            }
            if (p[5] != null) c.setDictionary(Buffers.bytes(p[5]));
            return c;
        });
        m.define("decompressobj", (args, kw) -> {
            Object[] p = Args.parse("decompressobj", args, kw, 0, new String[] {"wbits", "zdict"}, 0, 2);
            int wbits = p[0] == null ? 15 : intArg(p[0]);
            Decompressor d = new Decompressor(containerForDecompress(wbits));
            if (p[1] != null) d.zdict = Buffers.bytes(p[1]);
            return d;
        });
        return m;
    }

    static {
        COMPRESS.namespace().put("__module__", "zlib");
        DECOMPRESS.namespace().put("__module__", "zlib");
        COMPRESS.define("compress", (args, kw) -> {
            Args.check("compress", args, kw, 1, 1, 1);
            Compressor c = (Compressor) args[0];
            byte[] data = Buffers.bytes(args[1]);
            return new PyBytes(maybeReleasing(data.length, () -> c.compress(data)));
        });
        COMPRESS.define("flush", (args, kw) -> {
            Args.check("flush", args, kw, 1, 0, 1);
            Compressor c = (Compressor) args[0];
            int mode = args.length > 1 ? intArg(args[1]) : Z_FINISH;
            return new PyBytes(c.flush(mode));
        });
        DECOMPRESS.define("decompress", (args, kw) -> {
            Object[] p = Args.parse("decompress", args, kw, 1, new String[] {"", "max_length"}, 1, 2);
            Decompressor d = (Decompressor) args[0];
            byte[] data = Buffers.bytes(p[0]);
            int maxLength = p[1] == null ? 0 : intArg(p[1]);
            if (maxLength < 0) throw Py.valueError("max_length must be non-negative");
            return new PyBytes(maybeReleasing(data.length, () -> d.feed(data, maxLength)));
        });
        DECOMPRESS.define("flush", (args, kw) -> {
            Args.check("flush", args, kw, 1, 0, 1);
            Decompressor d = (Decompressor) args[0];
            if (args.length > 1 && intArg(args[1]) <= 0) throw Py.valueError("length must be greater than zero");
            byte[] tail = d.unconsumedTail;
            return new PyBytes(d.feed(tail, 0));
        });
        DECOMPRESS.defineGetter("unused_data", o -> new PyBytes(((Decompressor) o).unusedData));
        DECOMPRESS.defineGetter("unconsumed_tail", o -> new PyBytes(((Decompressor) o).unconsumedTail));
        DECOMPRESS.defineGetter("eof", o -> ((Decompressor) o).eof);
    }

    /** A compression stream (zlib.compressobj; also the one-shot compress). */
    static final class Compressor extends PyObject {
        private final Deflater deflater;
        private final Container container;
        private final int level;
        private final int strategy;
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private long totalIn;
        private boolean headerWritten;
        private boolean finished;

        Compressor(int level, Container container, int strategy) {
            if (level < -1 || level > 9) throw error("Bad compression level");
            this.level = level;
            this.strategy = strategy;
            this.container = container;
            this.deflater = new Deflater(level, container != Container.ZLIB);
            switch (strategy) {
                case 1 -> deflater.setStrategy(Deflater.FILTERED);
                case 2 -> deflater.setStrategy(Deflater.HUFFMAN_ONLY);
                case 0, 3, 4 -> deflater.setStrategy(Deflater.DEFAULT_STRATEGY);
                default -> throw error("Invalid initialization option");
            }
        }

        @Override public PyType getType() { return COMPRESS; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }

        void setDictionary(byte[] dict) { deflater.setDictionary(dict); }

        private void writeGzipHeader(ByteArrayOutputStream out) {
            if (container != Container.GZIP || headerWritten) return;
            headerWritten = true;
            int extraFlags = level == 9 ? 2 : (strategy >= 2 || (level >= 0 && level < 2)) ? 4 : 0;
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) extraFlags, 3}, 0, 10);
        }

        synchronized byte[] compressAll(byte[] data) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            out.writeBytes(compress(data));
            out.writeBytes(flush(Z_FINISH));
            return out.toByteArray();
        }

        synchronized byte[] compress(byte[] data) {
            if (finished) throw error("Error -2 while compressing data: inconsistent stream state");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeGzipHeader(out);
            crc.update(data);
            totalIn += data.length;
            deflater.setInput(data);
            byte[] buf = new byte[Math.max(512, Math.min(data.length, 65536))];
            while (!deflater.needsInput()) {
                int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }

        synchronized byte[] flush(int mode) {
            if (mode == Z_NO_FLUSH) return new byte[0];
            if (finished) return new byte[0];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeGzipHeader(out);
            byte[] buf = new byte[4096];
            if (mode == Z_FINISH) {
                deflater.finish();
                while (!deflater.finished()) {
                    int n = deflater.deflate(buf);
                    out.write(buf, 0, n);
                }
                deflater.end();
                finished = true;
                if (container == Container.GZIP) {
                    writeLittleEndian32(out, crc.getValue());
                    writeLittleEndian32(out, totalIn);
                }
            } else {
                int flush = mode == Z_FULL_FLUSH ? Deflater.FULL_FLUSH : Deflater.SYNC_FLUSH;
                int n;
                do {
                    n = deflater.deflate(buf, 0, buf.length, flush);
                    out.write(buf, 0, n);
                } while (n == buf.length);
            }
            return out.toByteArray();
        }

        private static void writeLittleEndian32(ByteArrayOutputStream out, long v) {
            out.write((int) v & 0xFF);
            out.write((int) (v >>> 8) & 0xFF);
            out.write((int) (v >>> 16) & 0xFF);
            out.write((int) (v >>> 24) & 0xFF);
        }
    }

    /** A decompression stream (zlib.decompressobj; also the one-shot decompress). */
    static final class Decompressor extends PyObject {
        private enum State { HEADER, BODY, TRAILER, DONE }

        private Container container;
        private java.util.zip.Inflater inflater;
        private State state;
        private byte[] pending = new byte[0];
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private long totalOut;
        byte[] zdict;
        byte[] unusedData = new byte[0];
        byte[] unconsumedTail = new byte[0];
        boolean eof;

        Decompressor(Container container) {
            this.container = container;
            if (container == Container.GZIP || container == Container.AUTO) {
                state = State.HEADER;
            } else {
                startBody();
            }
        }

        private void startBody() {
            inflater = new java.util.zip.Inflater(container != Container.ZLIB);
            if (container == Container.RAW && zdict != null) inflater.setDictionary(zdict);
            state = State.BODY;
        }

        @Override public PyType getType() { return DECOMPRESS; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }

        private static byte[] concat(byte[] a, byte[] b, int from) {
            byte[] r = new byte[a.length + b.length - from];
            System.arraycopy(a, 0, r, 0, a.length);
            System.arraycopy(b, from, r, a.length, b.length - from);
            return r;
        }

        /** The length of a complete gzip header at the start of p, or -1 when more input is needed. */
        private static int gzipHeaderLength(byte[] p) {
            if (p.length < 10) return -1;
            int flags = p[3] & 0xFF;
            int at = 10;
            if ((flags & 4) != 0) {
                if (p.length < at + 2) return -1;
                at += 2 + ((p[at] & 0xFF) | (p[at + 1] & 0xFF) << 8);
            }
            for (int bit : new int[] {8, 16}) {
                if ((flags & bit) != 0) {
                    while (at < p.length && p[at] != 0) at++;
                    if (at >= p.length) return -1;
                    at++;
                }
            }
            if ((flags & 2) != 0) at += 2;
            return at <= p.length ? at : -1;
        }

        synchronized byte[] feed(byte[] input, int maxLength) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] data = input;
            if (state == State.DONE) {
                unusedData = concat(unusedData, data, 0);
                return out.toByteArray();
            }
            if (state == State.HEADER) {
                pending = concat(pending, data, 0);
                if (container == Container.AUTO) {
                    if (pending.length < 2) return out.toByteArray();
                    container = (pending[0] == 0x1f && (pending[1] & 0xFF) == 0x8b) ? Container.GZIP : Container.ZLIB;
                }
                if (container == Container.GZIP) {
                    if (pending.length >= 2 && (pending[0] != 0x1f || (pending[1] & 0xFF) != 0x8b)) {
                        throw error("Error -3 while decompressing data: incorrect header check");
                    }
                    int headerLength = gzipHeaderLength(pending);
                    if (headerLength < 0) return out.toByteArray();
                    data = java.util.Arrays.copyOfRange(pending, headerLength, pending.length);
                } else {
                    data = pending;
                }
                pending = new byte[0];
                startBody();
            }
            if (state == State.BODY) {
                inflater.setInput(data);
                byte[] buf = new byte[Math.max(1024, Math.min(1 << 20, data.length * 4))];
                try {
                    while (true) {
                        int room = buf.length;
                        if (maxLength > 0) room = Math.min(room, maxLength - out.size());
                        if (room <= 0) break;
                        int n = inflater.inflate(buf, 0, room);
                        out.write(buf, 0, n);
                        if (container == Container.GZIP) crc.update(buf, 0, n);
                        totalOut += n;
                        if (inflater.finished()) break;
                        if (inflater.needsDictionary()) {
                            if (zdict == null) throw error("Error 2 while decompressing data");
                            inflater.setDictionary(zdict);
                            continue;
                        }
                        if (n == 0 && inflater.needsInput()) break;
                    }
                } catch (DataFormatException e) {
                    throw error("Error -3 while decompressing data: " + e.getMessage());
                }
                int remaining = inflater.getRemaining();
                byte[] rest = java.util.Arrays.copyOfRange(data, data.length - remaining, data.length);
                if (inflater.finished()) {
                    inflater.end();
                    unconsumedTail = new byte[0];
                    if (container == Container.GZIP) {
                        state = State.TRAILER;
                        data = rest;
                    } else {
                        state = State.DONE;
                        eof = true;
                        unusedData = rest;
                        return out.toByteArray();
                    }
                } else {
                    unconsumedTail = rest;
                    return out.toByteArray();
                }
            }
            if (state == State.TRAILER) {
                pending = concat(pending, data, 0);
                if (pending.length >= 8) {
                    long storedCrc = readLittleEndian32(pending, 0);
                    long storedSize = readLittleEndian32(pending, 4);
                    if (storedCrc != crc.getValue()) throw error("Error -3 while decompressing data: incorrect data check");
                    if (storedSize != (totalOut & 0xFFFFFFFFL)) {
                        throw error("Error -3 while decompressing data: incorrect length check");
                    }
                    state = State.DONE;
                    eof = true;
                    unusedData = java.util.Arrays.copyOfRange(pending, 8, pending.length);
                    pending = new byte[0];
                }
            }
            return out.toByteArray();
        }

        private static long readLittleEndian32(byte[] b, int at) {
            return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
        }
    }
}
