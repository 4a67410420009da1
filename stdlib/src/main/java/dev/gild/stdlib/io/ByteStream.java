package dev.gild.stdlib.io;

/**
 * What a text wrapper needs from the binary stream below it: implemented directly by the
 * buffered file objects and BytesIO, and by an adapter over any Python object with the binary
 * stream methods.
 */
interface ByteStream {
    /** Up to n bytes (all remaining when n < 0); an empty array at end of file. */
    byte[] read(int n);

    void write(byte[] data, int off, int len);

    void flush();

    long seek(long pos, int whence);

    long tell();

    long truncate(long size);

    void close();

    boolean isClosed();

    boolean readable();

    boolean writable();

    boolean seekable();

    /** The Python object (for .buffer). */
    Object pyObject();
}
