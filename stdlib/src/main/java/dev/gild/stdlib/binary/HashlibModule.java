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
    static final PyType UNSUPPORTED_DIGESTMOD = ErrorClasses.define("_hashlib", "UnsupportedDigestmodError", PyExc.ValueError);

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

    /**
     * PBKDF2 (RFC 8018) over the JDK's HMAC: block i is the XOR of U1..Uc, U1 = HMAC(P, S || i),
     * Uj = HMAC(P, Uj-1). Runs without the interpreter lock, as CPython's does.
     */
    static byte[] pbkdf2(Algorithm a, byte[] password, byte[] salt, long iterations, int keyLength) {
        String macName = "Hmac" + a.jdkName.replace("-", "").replace("SHA3", "SHA3-");
        javax.crypto.Mac mac;
        try {
            mac = javax.crypto.Mac.getInstance(macName);
            // HMAC pads the key with zeros, so an empty key is the same as a single zero byte
            // (which SecretKeySpec, unlike an empty array, accepts).
            mac.init(new javax.crypto.spec.SecretKeySpec(password.length == 0 ? new byte[1] : password, macName));
        } catch (java.security.GeneralSecurityException e) {
            throw Py.raise(UNSUPPORTED_DIGESTMOD, "[digital envelope routines] unsupported");
        }
        return Blocking.call(() -> {
            int digestLength = mac.getMacLength();
            byte[] out = new byte[keyLength];
            byte[] block = new byte[4];
            for (int index = 1, at = 0; at < keyLength; index++, at += digestLength) {
                block[0] = (byte) (index >>> 24);
                block[1] = (byte) (index >>> 16);
                block[2] = (byte) (index >>> 8);
                block[3] = (byte) index;
                mac.update(salt);
                byte[] u = mac.doFinal(block);
                byte[] t = u.clone();
                for (long c = 1; c < iterations; c++) {
                    u = mac.doFinal(u);
                    for (int k = 0; k < t.length; k++) t[k] ^= u[k];
                }
                System.arraycopy(t, 0, out, at, Math.min(digestLength, keyLength - at));
            }
            return out;
        });
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
        m.define("pbkdf2_hmac", (args, kw) -> {
            Object[] p = Args.parse("pbkdf2_hmac", args, kw, 0,
                    new String[] {"hash_name", "password", "salt", "iterations", "dklen"}, 4, 5);
            String name = Args.str("pbkdf2_hmac", 1, p[0]);
            byte[] password = Buffers.bytes(p[1]);
            byte[] salt = Buffers.bytes(p[2]);
            long iterations = Ops.indexLong(p[3]);
            if (iterations < 1) throw Py.valueError("iteration value must be greater than 0.");
            Algorithm a = ALGORITHMS.get(name.toLowerCase(Locale.ROOT));
            if (a == null) throw Py.raise(UNSUPPORTED_DIGESTMOD, "[digital envelope routines] unsupported");
            long keyLength = p[4] == null || p[4] == Py.None ? newHash(a, null).digest.getDigestLength() : Ops.indexLong(p[4]);
            if (keyLength < 1) throw Py.valueError("key length must be greater than 0.");
            if (keyLength > Integer.MAX_VALUE) throw Py.overflowError("key length is too great.");
            return new PyBytes(pbkdf2(a, password, salt, iterations, (int) keyLength));
        });
        m.define("file_digest", (args, kw) -> {
            Object[] p = Args.parse("file_digest", args, kw, 0, new String[] {"fileobj", "digest", "_bufsize"}, 2, 2);
            Object digest = Ops.unbox(p[1]) instanceof String name
                    ? Ops.call(m.dict.getStr("new"), name) : Ops.call(p[1]);
            Object readable = Ops.getattrOrNull(p[0], "readable");
            if (readable == null || Ops.getattrOrNull(p[0], "read") == null || !Ops.isTrue(Ops.call(readable))) {
                throw Py.valueError("'" + Ops.repr(p[0]) + "' is not a file-like object in binary reading mode.");
            }
            Object read = Ops.getattr(p[0], "read");
            Object update = Ops.getattr(digest, "update");
            Object size = p[2] == null ? (Object) (long) (1 << 18) : p[2];
            while (true) {
                Object chunk = Ops.call(read, size);
                if (Ops.len(chunk) == 0) break;
                Ops.call(update, chunk);
            }
            return digest;
        });
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
