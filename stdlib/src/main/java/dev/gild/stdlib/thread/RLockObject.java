package dev.gild.stdlib.thread;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBuiltin;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyTuple;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.util.concurrent.Semaphore;

/**
 * {@code _thread.RLock}: a reentrant lock owned by the thread that took it. The owner and the
 * count change only while the permit is held, by the owner, so they need no lock of their own;
 * owner is volatile so that other threads asking "do I own it?" see a current value.
 */
public final class RLockObject extends PyObject {
    public static final PyType TYPE = PyTypes.newBuiltin("RLock", null, true, t -> new RLockObject(t));

    private static final String[] ACQUIRE_PARAMS = {"blocking", "timeout"};

    private final PyType type;
    private final Semaphore permit = new Semaphore(1);
    /** Ident of the owning thread, 0 when free. */
    private volatile long owner;
    private long count;

    RLockObject(PyType type) { this.type = type; }

    static {
        TYPE.namespace().put("__module__", "_thread");
        TYPE.defineStatic("__new__", (args, kw) -> ((PyType) args[0]).allocate());
        PyBuiltin acquire = TYPE.define("acquire", RLockObject::acquire);
        TYPE.define("__enter__", acquire.impl);
        TYPE.define("release", (args, kw) -> {
            Args.check("release", args, kw, 1, 0, 0);
            ((RLockObject) args[0]).release();
            return Py.None;
        });
        TYPE.define("__exit__", (args, kw) -> {
            ((RLockObject) args[0]).release();
            return Py.None;
        });
        TYPE.define("_is_owned", (args, kw) -> Py.bool(((RLockObject) args[0]).isOwned()));
        TYPE.define("_recursion_count", (args, kw) -> {
            RLockObject lock = (RLockObject) args[0];
            return lock.isOwned() ? lock.count : 0L;
        });
        TYPE.define("_release_save", (args, kw) -> ((RLockObject) args[0]).releaseSave());
        TYPE.define("_acquire_restore", (args, kw) -> {
            Args.check("_acquire_restore", args, kw, 1, 1, 1);
            ((RLockObject) args[0]).acquireRestore(args[1]);
            return Py.None;
        });
        TYPE.define("__repr__", (args, kw) -> {
            RLockObject lock = (RLockObject) args[0];
            long owner = lock.owner;
            return "<" + (owner != 0 ? "locked" : "unlocked") + " " + lock.type.getModuleName() + "."
                    + lock.type.getName() + " object owner=" + owner + " count=" + (owner != 0 ? lock.count : 0)
                    + " at " + Py.addressOf(lock) + ">";
        });
    }

    @Override
    public PyType getType() { return type; }

    private static Object acquire(Object[] args, String[] kw) {
        boolean blocking = true;
        Object timeout = null;
        if (args.length > 1) {
            Object[] a = Timeouts.parseAcquire(args, kw, ACQUIRE_PARAMS);
            blocking = a[0] == null || Ops.isTrue(a[0]);
            timeout = a[1];
        }
        return Py.bool(((RLockObject) args[0]).acquire(Timeouts.lockTimeout(blocking, timeout)));
    }

    public boolean acquire(long timeoutNanos) {
        long me = ThreadModule.currentIdent();
        if (owner == me) {
            count++;
            return true;
        }
        if (!Blocking.acquire(permit, timeoutNanos)) return false;
        owner = me;
        count = 1;
        return true;
    }

    public void release() {
        if (owner != ThreadModule.currentIdent()) throw Py.runtimeError("cannot release un-acquired lock");
        if (--count == 0) {
            owner = 0;
            permit.release();
        }
    }

    boolean isOwned() { return owner == ThreadModule.currentIdent(); }

    /** Condition.wait: gives the lock up entirely, returning what {@link #acquireRestore} needs. */
    private PyTuple releaseSave() {
        if (count == 0 || !isOwned()) throw Py.runtimeError("cannot release un-acquired lock");
        PyTuple state = PyTuple.of(count, owner);
        count = 0;
        owner = 0;
        permit.release();
        return state;
    }

    private void acquireRestore(Object state) {
        if (!(state instanceof PyTuple t) || t.size() != 2) throw Py.typeError("_acquire_restore() argument must be a 2-tuple");
        long savedCount = Ops.indexLong(t.get(0));
        long savedOwner = Ops.indexLong(t.get(1));
        Blocking.acquire(permit, Blocking.FOREVER);
        owner = savedOwner;
        count = savedCount;
    }
}
