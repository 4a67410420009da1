package dev.gild.stdlib.random;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * {@code _random}: the native half of {@code random}. Its Random type holds the Mersenne Twister
 * state and provides seed, random, getrandbits, getstate and setstate; the distributions are
 * written in Python on top (random.py), as in CPython. {@code _urandom(n)} gives OS entropy.
 */
public final class RandomModule implements ModuleProvider {
    private static final SecureRandom ENTROPY = new SecureRandom();

    static final PyType RANDOM = PyTypes.newBuiltin("Random", PyTypes.OBJECT, true, MersenneTwister::new);

    static {
        RANDOM.namespace().put("__module__", "_random");
        RANDOM.defineStatic("__new__", (args, kw) -> {
            PyType cls = (PyType) args[0];
            if (cls == RANDOM && kw != null && kw.length > 0) throw Py.typeError("Random() takes no keyword arguments");
            return cls.allocate();
        });
        RANDOM.define("__init__", (args, kw) -> {
            if (kw != null && kw.length > 0) throw Py.typeError("Random() takes no keyword arguments");
            if (args.length > 2) throw Py.typeError("Random() requires 0 or 1 argument");
            seed(self(args[0]), args.length == 2 ? args[1] : Py.None);
            return Py.None;
        });
        RANDOM.define("random", (args, kw) -> {
            Args.check("random", args, kw, 1, 0, 0);
            return self(args[0]).nextDouble();
        });
        RANDOM.define("seed", (args, kw) -> {
            Args.check("seed", args, kw, 1, 0, 1);
            seed(self(args[0]), args.length > 1 ? args[1] : Py.None);
            return Py.None;
        });
        RANDOM.define("getrandbits", (args, kw) -> {
            Args.check("getrandbits", args, kw, 1, 1, 1);
            Object k = Ops.index(args[1]);
            if (k instanceof BigInteger b) {
                if (b.signum() < 0) throw Py.valueError("number of bits must be non-negative");
                throw Py.overflowError("Python int too large to convert to C int");
            }
            long bits = (Long) k;
            if (bits < 0) throw Py.valueError("number of bits must be non-negative");
            if (bits > Integer.MAX_VALUE) throw Py.overflowError("Python int too large to convert to C int");
            return self(args[0]).getrandbits(bits);
        });
        // The default integer draw of random.Random (used unless a subclass overrides getrandbits
        // or random, as random.Random.__init_subclass__ arranges).
        RANDOM.define("_randbelow", (args, kw) -> {
            Args.check("_randbelow", args, kw, 1, 1, 1);
            Object n = Ops.index(args[1]);
            if (n instanceof Long l ? l <= 0 : ((BigInteger) n).signum() <= 0) throw Py.valueError("_randbelow() requires n > 0");
            return self(args[0]).below(n);
        });
        RANDOM.define("getstate", (args, kw) -> {
            Args.check("getstate", args, kw, 1, 0, 0);
            MersenneTwister r = self(args[0]);
            if (r.index > MersenneTwister.N) seed(r, Py.None);
            Object[] state = new Object[MersenneTwister.N + 1];
            synchronized (r) {
                for (int i = 0; i < MersenneTwister.N; i++) state[i] = r.mt[i] & 0xFFFFFFFFL;
                state[MersenneTwister.N] = (long) r.index;
            }
            return PyTuple.of(state);
        });
        RANDOM.define("setstate", (args, kw) -> {
            Args.check("setstate", args, kw, 1, 1, 1);
            MersenneTwister r = self(args[0]);
            if (!(args[1] instanceof PyTuple)) throw Py.typeError("state vector must be a tuple");
            Object[] state = Ops.toArray(args[1]);
            if (state.length != MersenneTwister.N + 1) throw Py.valueError("state vector is the wrong size");
            int[] words = new int[MersenneTwister.N];
            for (int i = 0; i < MersenneTwister.N; i++) words[i] = (int) unsigned32(state[i]);
            long index = unsigned32(state[MersenneTwister.N]);
            if (index < 0 || index > MersenneTwister.N) throw Py.valueError("invalid state");
            synchronized (r) {
                System.arraycopy(words, 0, r.mt, 0, MersenneTwister.N);
                r.index = (int) index;
            }
            return Py.None;
        });
    }

    private static long unsigned32(Object o) {
        Object v = Ops.index(o);
        if (v instanceof Long l && l >= 0) return l;
        if (v instanceof Long) throw Py.overflowError("can't convert negative int to unsigned");
        throw Py.overflowError("Python int too large to convert to C unsigned long");
    }

    private static MersenneTwister self(Object o) {
        if (o instanceof MersenneTwister r) return r;
        throw Py.typeError("descriptor requires a '_random.Random' object but received a '" + Ops.typeName(o) + "'");
    }

    /**
     * CPython's C-level seeding: None draws 624 words of OS entropy, an int seeds with its
     * absolute value, anything else with its hash taken as an unsigned 64-bit number.
     */
    static void seed(MersenneTwister r, Object arg) {
        if (arg == Py.None) {
            int[] key = new int[MersenneTwister.N];
            for (int i = 0; i < key.length; i++) key[i] = ENTROPY.nextInt();
            r.initByArray(key);
            return;
        }
        Object v = Ops.unbox(arg);
        if (v instanceof Boolean b) v = b ? 1L : 0L;
        if (v instanceof Long l) {
            if (l == Long.MIN_VALUE) {
                r.seed(BigInteger.valueOf(l).negate());
            } else {
                r.seed(Math.abs(l));
            }
        } else if (v instanceof BigInteger b) {
            r.seed(b.abs());
        } else {
            long h = Ops.hash(arg);
            if (h >= 0) {
                r.seed(h);
            } else {
                r.seed(BigInteger.valueOf(h).add(BigInteger.ONE.shiftLeft(64)));
            }
        }
    }

    @Override public String name() { return "_random"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("_random");
        m.set("Random", RANDOM);
        m.define("_urandom", (args, kw) -> {
            Args.check("_urandom", args, kw, 0, 1, 1);
            int n = Ops.indexInt(args[0]);
            if (n < 0) throw Py.valueError("negative argument not allowed");
            byte[] bytes = new byte[n];
            ENTROPY.nextBytes(bytes);
            return new PyBytes(bytes);
        });
        return m;
    }
}
