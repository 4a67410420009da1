package dev.gild.stdlib.binary;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyByteArray;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyExc;
import dev.gild.runtime.PyIterator;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/** {@code struct}: pack/unpack with compiled, cached formats; the Struct class. */
public final class StructModule implements ModuleProvider {
    static final PyType ERROR = ErrorClasses.define("struct", "error", PyExc.Exception);
    static final PyType STRUCT = PyTypes.newBuiltin("Struct", PyTypes.OBJECT, false, null);
    static final PyType UNPACK_ITERATOR = PyTypes.newBuiltin("unpack_iterator", PyTypes.OBJECT, false, null);

    /** Compiled formats by format string; cleared when it grows past a few hundred entries. */
    private static final ConcurrentHashMap<String, StructFormat> CACHE = new ConcurrentHashMap<>();

    /** A Struct instance: a compiled format. */
    static final class StructObject extends PyObject {
        final StructFormat format;

        StructObject(StructFormat format) { this.format = format; }

        @Override public PyType getType() { return STRUCT; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }
    }

    /** iter_unpack's iterator. */
    static final class UnpackIterator extends PyIterator {
        private final StructFormat format;
        private final byte[] data;
        private int offset;

        UnpackIterator(StructFormat format, byte[] data) {
            this.format = format;
            this.data = data;
        }

        @Override public PyType getType() { return UNPACK_ITERATOR; }

        @Override public Object next() {
            if (offset + format.size > data.length) return null;
            Object[] values = format.unpack(data, offset);
            offset += format.size;
            return PyTuple.of(values);
        }
    }

    static StructFormat formatOf(Object fmt) {
        Object raw = Ops.unbox(fmt);
        String text;
        if (raw instanceof String s) {
            text = s;
        } else if (raw instanceof PyBytes b) {
            text = new String(b.bytes, StandardCharsets.ISO_8859_1);
        } else {
            throw Py.typeError("Struct() argument 1 must be a str or bytes object, not " + Ops.typeName(fmt));
        }
        StructFormat f = CACHE.get(text);
        if (f == null) {
            f = StructFormat.compile(text);
            if (CACHE.size() > 256) CACHE.clear();
            CACHE.put(text, f);
        }
        return f;
    }

    static PyBytes pack(StructFormat f, Object[] args, int from) {
        int given = args.length - from;
        if (given != f.itemCount()) {
            throw StructFormat.error("pack expected " + f.itemCount() + " items for packing (got " + given + ")");
        }
        byte[] out = new byte[f.size];
        f.pack(args, from, out, 0);
        return new PyBytes(out);
    }

    static void packInto(StructFormat f, Object[] args, int from) {
        int given = args.length - from - 2;
        if (given < 0) {
            throw Py.typeError(given == -2 ? "pack_into expected buffer argument" : "pack_into expected offset argument");
        }
        if (!(Ops.unbox(args[from]) instanceof PyByteArray target)) {
            throw Py.typeError("argument must be read-write bytes-like object, not " + Ops.typeName(args[from]));
        }
        if (given != f.itemCount()) {
            throw StructFormat.error("pack_into expected " + f.itemCount() + " items for packing (got " + given + ")");
        }
        long offset = Ops.indexLong(args[from + 1]);
        int length = target.size;
        if (offset < 0) {
            if (offset + f.size > 0) throw StructFormat.error("no space to pack " + f.size + " bytes at offset " + offset);
            if (offset + length < 0) throw StructFormat.error("offset " + offset + " out of range for " + length + "-byte buffer");
            offset += length;
        }
        if (length - offset < f.size) {
            throw StructFormat.error("pack_into requires a buffer of at least " + (f.size + offset) + " bytes for packing "
                    + f.size + " bytes at offset " + offset + " (actual buffer size is " + length + ")");
        }
        byte[] scratch = new byte[f.size];
        f.pack(args, from + 2, scratch, 0);
        System.arraycopy(scratch, 0, target.bytes, (int) offset, f.size);
    }

    static PyTuple unpack(StructFormat f, Object buffer) {
        byte[] data = Buffers.bytes(buffer);
        if (data.length != f.size) throw StructFormat.error("unpack requires a buffer of " + f.size + " bytes");
        return PyTuple.of(f.unpack(data, 0));
    }

    static PyTuple unpackFrom(StructFormat f, Object buffer, Object offsetArg) {
        byte[] data = Buffers.bytes(buffer);
        long offset = offsetArg == null ? 0 : Ops.indexLong(offsetArg);
        if (offset < 0) {
            if (offset + data.length < 0) {
                throw StructFormat.error("offset " + offset + " out of range for " + data.length + "-byte buffer");
            }
            offset += data.length;
        }
        if (data.length - offset < f.size) {
            throw StructFormat.error("unpack_from requires a buffer of at least " + (f.size + offset) + " bytes for unpacking "
                    + f.size + " bytes at offset " + offset + " (actual buffer size is " + data.length + ")");
        }
        return PyTuple.of(f.unpack(data, (int) offset));
    }

    static UnpackIterator iterUnpack(StructFormat f, Object buffer) {
        byte[] data = Buffers.bytes(buffer);
        if (f.size == 0) throw StructFormat.error("cannot iteratively unpack with a struct of length 0");
        if (data.length % f.size != 0) {
            throw StructFormat.error("iterative unpacking requires a buffer of a multiple of " + f.size + " bytes");
        }
        return new UnpackIterator(f, data);
    }

    private static StructFormat self(Object o) {
        if (o instanceof StructObject s) return s.format;
        throw Py.typeError("descriptor requires a '_struct.Struct' object but received a '" + Ops.typeName(o) + "'");
    }

    static {
        STRUCT.namespace().put("__module__", "_struct");
        UNPACK_ITERATOR.namespace().put("__module__", "_struct");
        PyIterator.installMethods(UNPACK_ITERATOR);
        STRUCT.defineStatic("__new__", (args, kw) -> {
            Object[] p = Args.parse("Struct", args, kw, 1, new String[] {"format"}, 1, 1);
            return new StructObject(formatOf(p[0]));
        });
        STRUCT.define("pack", (args, kw) -> {
            Args.noKeywords("pack", kw);
            return pack(self(args[0]), args, 1);
        });
        STRUCT.define("pack_into", (args, kw) -> {
            Args.noKeywords("pack_into", kw);
            packInto(self(args[0]), args, 1);
            return Py.None;
        });
        STRUCT.define("unpack", (args, kw) -> {
            Args.check("unpack", args, kw, 1, 1, 1);
            return unpack(self(args[0]), args[1]);
        });
        STRUCT.define("unpack_from", (args, kw) -> {
            Object[] p = Args.parse("unpack_from", args, kw, 1, new String[] {"buffer", "offset"}, 1, 2);
            return unpackFrom(self(args[0]), p[0], p[1]);
        });
        STRUCT.define("iter_unpack", (args, kw) -> {
            Args.check("iter_unpack", args, kw, 1, 1, 1);
            return iterUnpack(self(args[0]), args[1]);
        });
        STRUCT.defineGetter("format", o -> self(o).format);
        STRUCT.defineGetter("size", o -> (long) self(o).size);
    }

    @Override public String name() { return "struct"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("struct");
        m.set("error", ERROR);
        m.set("Struct", STRUCT);
        m.define("calcsize", (args, kw) -> {
            Args.check("calcsize", args, kw, 0, 1, 1);
            return (long) formatOf(args[0]).size;
        });
        m.define("pack", (args, kw) -> {
            Args.noKeywords("pack", kw);
            if (args.length == 0) throw Py.typeError("missing format argument");
            return pack(formatOf(args[0]), args, 1);
        });
        m.define("pack_into", (args, kw) -> {
            Args.noKeywords("pack_into", kw);
            if (args.length == 0) throw Py.typeError("missing format argument");
            packInto(formatOf(args[0]), args, 1);
            return Py.None;
        });
        m.define("unpack", (args, kw) -> {
            Args.check("unpack", args, kw, 0, 2, 2);
            return unpack(formatOf(args[0]), args[1]);
        });
        m.define("unpack_from", (args, kw) -> {
            Object[] p = Args.parse("unpack_from", args, kw, 0, new String[] {"format", "buffer", "offset"}, 2, 3);
            return unpackFrom(formatOf(p[0]), p[1], p[2]);
        });
        m.define("iter_unpack", (args, kw) -> {
            Args.check("iter_unpack", args, kw, 0, 2, 2);
            return iterUnpack(formatOf(args[0]), args[1]);
        });
        return m;
    }
}
