package dev.gild.stdlib.io;

import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;

/** A ByteStream over any Python object with the binary stream methods (a TextIOWrapper's buffer). */
final class PyByteStream implements ByteStream {
    private final Object target;

    PyByteStream(Object target) { this.target = target; }

    private Object call(String name, Object... args) {
        return Ops.call(Ops.getattr(target, name), args);
    }

    private boolean ask(String name) {
        Object m = Ops.getattrOrNull(target, name);
        return m != null && Ops.isTrue(Ops.call(m));
    }

    @Override
    public byte[] read(int n) {
        Object r = n < 0 ? call("read") : call("read", (long) n);
        return r == Py.None ? new byte[0] : IoSupport.bytesOf(r);
    }

    @Override
    public void write(byte[] data, int off, int len) {
        call("write", new PyBytes(java.util.Arrays.copyOfRange(data, off, off + len)));
    }

    @Override public void flush() { call("flush"); }

    @Override public long seek(long pos, int whence) { return Ops.indexLong(call("seek", pos, (long) whence)); }

    @Override public long tell() { return Ops.indexLong(call("tell")); }

    @Override public long truncate(long size) { return Ops.indexLong(call("truncate", size)); }

    @Override public void close() { call("close"); }

    @Override public boolean isClosed() { return Ops.isTrue(Ops.getattr(target, "closed")); }

    @Override public boolean readable() { return ask("readable"); }

    @Override public boolean writable() { return ask("writable"); }

    @Override public boolean seekable() { return ask("seekable"); }

    @Override public Object pyObject() { return target; }
}
