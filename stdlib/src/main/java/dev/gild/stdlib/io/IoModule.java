package dev.gild.stdlib.io;

import dev.gild.runtime.Args;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyModule;

/** The io module (CPython's io and _io in one): open() and the stream classes. */
public final class IoModule implements ModuleProvider {
    @Override public String name() { return "io"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("io");
        m.define("open", IoModule::open);
        m.set("FileIO", FileIO.TYPE);
        m.set("BufferedReader", Buffered.READER);
        m.set("BufferedWriter", Buffered.WRITER);
        m.set("BufferedRandom", Buffered.RANDOM);
        m.set("TextIOWrapper", TextIO.TYPE);
        m.set("StringIO", StringIO.TYPE);
        m.set("BytesIO", BytesIO.TYPE);
        m.set("IOBase", IoSupport.IOBASE);
        m.set("RawIOBase", IoSupport.RAW_BASE);
        m.set("BufferedIOBase", IoSupport.BUFFERED_BASE);
        m.set("TextIOBase", IoSupport.TEXT_BASE);
        m.set("UnsupportedOperation", IoSupport.UNSUPPORTED);
        m.set("DEFAULT_BUFFER_SIZE", (long) Buffered.DEFAULT_BUFFER_SIZE);
        m.set("SEEK_SET", 0L);
        m.set("SEEK_CUR", 1L);
        m.set("SEEK_END", 2L);
        m.define("text_encoding", (args, kw) -> {
            Object[] a = Args.parse("text_encoding", args, kw, 0, new String[] {"encoding", "stacklevel"}, 1, 2);
            return a[0] == Py.None ? "locale" : a[0];
        });
        m.define("open_code", (args, kw) -> {
            Args.check("open_code", args, kw, 0, 1, 1);
            return open(new Object[] {args[0], "rb"}, null);
        });
        return m;
    }

    private static final String[] OPEN_PARAMS = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"};

    /** io.open / builtins.open with CPython's mode validation and object layering. */
    public static Object open(Object[] args, String[] kw) {
        Object[] a = Args.parse("open", args, kw, 0, OPEN_PARAMS, 1, OPEN_PARAMS.length);
        Object file = a[0];
        String mode = a[1] == null ? "r" : IoSupport.argStr(a[1], "open");
        long buffering = a[2] == null ? -1 : Ops.indexLong(a[2]);
        String encoding = IoSupport.optStr(a[3], "open", "encoding");
        String errors = IoSupport.optStr(a[4], "open", "errors");
        String newline = IoSupport.optStr(a[5], "open", "newline");
        if (a[7] != null && a[7] != Py.None) throw Py.notImplementedError("open(): the opener argument is not supported");
        boolean closefd = a[6] == null || Ops.isTrue(a[6]);

        int creating = 0, reading = 0, writing = 0, appending = 0, plus = 0;
        boolean text = false, binary = false;
        for (int i = 0; i < mode.length(); i++) {
            char c = mode.charAt(i);
            if ("rwaxbt+".indexOf(c) < 0 || mode.indexOf(c, i + 1) >= 0) throw Py.valueError("invalid mode: '" + mode + "'");
            switch (c) {
                case 'x' -> creating = 1;
                case 'r' -> reading = 1;
                case 'w' -> writing = 1;
                case 'a' -> appending = 1;
                case '+' -> plus = 1;
                case 't' -> text = true;
                default -> binary = true;
            }
        }
        if (text && binary) throw Py.valueError("can't have text and binary mode at once");
        int kinds = creating + reading + writing + appending;
        if (kinds > 1) throw Py.valueError("must have exactly one of create/read/write/append mode");
        if (kinds == 0) throw Py.valueError("Must have exactly one of create/read/write/append mode and at most one plus");
        if (binary && encoding != null) throw Py.valueError("binary mode doesn't take an encoding argument");
        if (binary && errors != null) throw Py.valueError("binary mode doesn't take an errors argument");
        if (binary && newline != null) throw Py.valueError("binary mode doesn't take a newline argument");
        if (binary && buffering == 1) {
            dev.gild.runtime.Ops.call(Ops.getattr(
                    dev.gild.runtime.ThreadState.current().interp.imports.importDotted("warnings"), "warn"),
                    "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
                    dev.gild.runtime.PyExc.RuntimeWarning);
        }
        if (newline != null && !newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r") && !newline.equals("\r\n")) {
            throw Py.valueError("illegal newline value: " + newline);
        }
        if (!binary && buffering == 0) throw Py.valueError("can't have unbuffered text I/O");
        Object u = Ops.unbox(file);
        FileIO raw;
        if (u instanceof Long || u instanceof Boolean) {
            // a descriptor from os.open/tempfile.mkstemp (this process's numbering): wrap that file
            raw = FileIO.byFd(Ops.indexLong(u));
            if (!closefd) raw = raw.sharing();
        } else {
            if (!closefd) throw Py.valueError("Cannot use closefd=False with file name");
            String path = WorkingDirectory.fspath(file, null, null);
            char kind = creating == 1 ? 'x' : reading == 1 ? 'r' : writing == 1 ? 'w' : 'a';
            Object name = u instanceof String || u instanceof dev.gild.runtime.PyBytes ? file : path;
            raw = FileIO.open(name, path, kind, plus == 1);
        }
        if (buffering == 0) return raw;
        Buffered buffered = new Buffered(raw, buffering > 1 ? (int) Math.min(buffering, 1 << 24) : 0);
        String binaryMode = mode.replace("t", "");
        buffered.mode = binaryMode;
        if (binary) return buffered;
        try {
            TextIO t = new TextIO(buffered, TextIO.encodingName(encoding), errors, newline, buffering == 1, false);
            t.mode = mode.replace("t", "");
            return t;
        } catch (RuntimeException e) {
            buffered.close();
            throw e;
        }
    }
}
