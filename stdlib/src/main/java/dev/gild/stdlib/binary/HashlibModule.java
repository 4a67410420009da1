package dev.gild.stdlib.binary;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PySet;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hashlib} on the JDK's MessageDigest. Hashing at least 2 KiB releases the interpreter
 * lock; each hash object serialises its own updates, so threads sharing one stay consistent.
 */
public final class HashlibModule implements ModuleProvider {
    /** Python name to JDK algorithm and block size. */
    private record Algorithm(String name, String jdkName, int blockSize) {}

    private static final Map<String, Algorithm> ALGORITHMS = new LinkedHashMap<>();

    static {
        for (Algorithm a : new Algorithm[] {
            new Algorithm("md5", "MD5", 64),
            new Algorithm("sha1", "SHA-1", 64),
            new Algorithm("sha224", "SHA-224", 64),
            new Algorithm("sha256", "SHA-256", 64),
            new Algorithm("sha384", "SHA-384", 128),
            new Algorithm("sha512", "SHA-512", 128),
            new Algorithm("sha512_224", "SHA-512/224", 128),
            new Algorithm("sha512_256", "SHA-512/256", 128),
            new Algorithm("sha3_224", "SHA3-224", 144),
            new Algorithm("sha3_256", "SHA3-256", 136),
            new Algorithm("sha3_384", "SHA3-384", 104),
            new Algorithm("sha3_512", "SHA3-512", 72),
        }) {
            try {
                MessageDigest.getInstance(a.jdkName);
                ALGORITHMS.put(a.name, a);
            } catch (NoSuchAlgorithmException absent) {
                // This JDK lacks the algorithm: hashlib simply does not offer it.
            }
        }
    }

    static final PyType HASH = PyTypes.newBuiltin("HASH", PyTypes.OBJECT, false, null);

    /** A hash object: the algorithm and the running digest. */
    static final class Hash extends PyObject {
        final Algorithm algorithm;
        final MessageDigest digest;

        Hash(Algorithm algorithm, MessageDigest digest) {
            this.algorithm = algorithm;
            this.digest = digest;
        }

        @Override public PyType getType() { return HASH; }

        @Override public boolean equals(Object o) { return this == o; }

        @Override public int hashCode() { return System.identityHashCode(this); }

        void update(Object data) {
            byte[] bytes = dataBytes(data);
            if (bytes.length >= Buffers.RELEASE_LOCK_THRESHOLD) {
                Blocking.call(() -> {
                    synchronized (this) {
                        digest.update(bytes);
                    }
                    return null;
                });
            } else {
                synchronized (this) {
                    digest.update(bytes);
                }
            }
        }

        synchronized byte[] result() {
            try {
                return ((MessageDigest) digest.clone()).digest();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }

        synchronized Hash copy() {
            try {
                return new Hash(algorithm, (MessageDigest) digest.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] dataBytes(Object data) {
        byte[] b = Buffers.bytesOrNull(data);
        if (b != null) return b;
        if (Ops.unbox(data) instanceof String) throw Py.typeError("Strings must be encoded before hashing");
        throw Py.typeError("object supporting the buffer API required");
    }

    private static Hash self(Object o) {
        if (o instanceof Hash h) return h;
        throw Py.typeError("descriptor requires a '_hashlib.HASH' object but received a '" + Ops.typeName(o) + "'");
    }

    static {
        HASH.namespace().put("__module__", "_hashlib");
        HASH.define("update", (args, kw) -> {
            Args.check("update", args, kw, 1, 1, 1);
            self(args[0]).update(args[1]);
            return Py.None;
        });
        HASH.define("digest", (args, kw) -> {
            Args.check("digest", args, kw, 1, 0, 0);
            return new PyBytes(self(args[0]).result());
        });
        HASH.define("hexdigest", (args, kw) -> {
            Args.check("hexdigest", args, kw, 1, 0, 0);
            return Hex.encode(self(args[0]).result());
        });
        HASH.define("copy", (args, kw) -> {
            Args.check("copy", args, kw, 1, 0, 0);
            return self(args[0]).copy();
        });
        HASH.define("__repr__", (args, kw) -> "<" + self(args[0]).algorithm.name + " _hashlib.HASH object @ "
                + Py.addressOf(args[0]) + ">");
        HASH.defineGetter("name", o -> self(o).algorithm.name);
        HASH.defineGetter("digest_size", o -> (long) self(o).digest.getDigestLength());
        HASH.defineGetter("block_size", o -> (long) self(o).algorithm.blockSize);
    }

    static Hash newHash(Algorithm a, Object data) {
        try {
            Hash h = new Hash(a, MessageDigest.getInstance(a.jdkName));
            if (data != null) h.update(data);
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw Py.valueError("unsupported hash type " + a.name);
        }
    }

    @Override public String name() { return "hashlib"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("hashlib");
        PySet guaranteed = new PySet(PyTypes.SET);
        PySet available = new PySet(PyTypes.SET);
        for (Algorithm a : ALGORITHMS.values()) {
            guaranteed.add(a.name);
            available.add(a.name);
            m.define(a.name, (args, kw) -> {
                Object[] p = Args.parse(a.name, args, kw, 0, new String[] {"data", "usedforsecurity", "string"}, 0, 1);
                if (p[0] != null && p[2] != null) {
                    throw Py.typeError("'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
                }
                return newHash(a, p[0] != null ? p[0] : p[2]);
            });
        }
        m.set("algorithms_guaranteed", guaranteed);
        m.set("algorithms_available", available);
        m.define("new", (args, kw) -> {
            Object[] p = Args.parse("new", args, kw, 0, new String[] {"name", "data", "usedforsecurity", "string"}, 1, 2);
            String name = Args.str("new", 1, p[0]);
            Algorithm a = ALGORITHMS.get(name.toLowerCase(Locale.ROOT).replace('-', '_'));
            if (a == null) throw Py.valueError("unsupported hash type " + name);
            return newHash(a, p[1] != null ? p[1] : p[3]);
        });
        return m;
    }
}
