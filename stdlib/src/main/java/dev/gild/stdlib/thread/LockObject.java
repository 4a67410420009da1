package dev.gild.stdlib.thread;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBuiltin;
import dev.gild.runtime.PyObject;
import dev.gild.runtime.PyType;
import dev.gild.runtime.PyTypes;

import java.util.concurrent.Semaphore;

/**
 * {@code _thread.lock}: a plain mutex that any thread may release (so it also serves as a binary
 * semaphore, which is how threading builds Condition waits). One permit of a JVM semaphore: the
 * uncontended acquire is a single CAS and never touches the interpreter lock.
 */
public final class LockObject extends PyObject {
    public static final PyType TYPE = PyTypes.newBuiltin("lock", null, false, null);

    private static final String[] ACQUIRE_PARAMS = {"blocking", "timeout"};

    private final Semaphore permit = new Semaphore(1);

    static {
        TYPE.namespace().put("__module__", "_thread");
        PyBuiltin acquire = TYPE.define("acquire", LockObject::acquire);
        TYPE.define("acquire_lock", acquire.impl);
        TYPE.define("__enter__", acquire.impl);
        var release = TYPE.define("release", (args, kw) -> {
            Args.check("release", args, kw, 1, 0, 0);
            ((LockObject) args[0]).release();
            return Py.None;
        });
        TYPE.define("release_lock", release.impl);
        TYPE.define("__exit__", (args, kw) -> {
            ((LockObject) args[0]).release();
            return Py.None;
        });
        var locked = TYPE.define("locked", (args, kw) -> {
            Args.check("locked", args, kw, 1, 0, 0);
            return Py.bool(((LockObject) args[0]).isLocked());
        });
        TYPE.define("locked_lock", locked.impl);
        TYPE.define("__repr__", (args, kw) -> {
            LockObject lock = (LockObject) args[0];
            return "<" + (lock.isLocked() ? "locked" : "unlocked") + " _thread.lock object at "
                    + Py.addressOf(lock) + ">";
        });
    }

    @Override
    public PyType getType() { return TYPE; }

    private static Object acquire(Object[] args, String[] kw) {
        boolean blocking = true;
        Object timeout = null;
        if (args.length > 1) {
            Object[] a = Timeouts.parseAcquire(args, kw, ACQUIRE_PARAMS);
            blocking = a[0] == null || Ops.isTrue(a[0]);
            timeout = a[1];
        }
        return Py.bool(((LockObject) args[0]).acquire(Timeouts.lockTimeout(blocking, timeout)));
    }

    /** Takes the lock, waiting at most timeoutNanos ({@link Blocking#FOREVER}: no limit). */
    public boolean acquire(long timeoutNanos) {
        return Blocking.acquire(permit, timeoutNanos);
    }

    /** Releases the lock; synchronized so two racing releases (free-threaded) cannot both add a permit. */
    public synchronized void release() {
        if (permit.availablePermits() != 0) throw Py.runtimeError("release unlocked lock");
        permit.release();
    }

    public boolean isLocked() { return permit.availablePermits() == 0; }
}
