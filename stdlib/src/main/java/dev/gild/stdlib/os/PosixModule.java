package dev.gild.stdlib.os;

import dev.gild.runtime.Args;
import dev.gild.runtime.Blocking;
import dev.gild.runtime.InterpreterState;
import dev.gild.runtime.ModuleProvider;
import dev.gild.runtime.Ops;
import dev.gild.runtime.Py;
import dev.gild.runtime.PyBytes;
import dev.gild.runtime.PyDict;
import dev.gild.runtime.PyList;
import dev.gild.runtime.PyModule;
import dev.gild.runtime.PyTuple;
import dev.gild.stdlib.io.FileIO;
import dev.gild.stdlib.io.OsErrors;
import dev.gild.stdlib.io.WorkingDirectory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * posix: the native half of os (os.py builds the public module on it). Paths are resolved against
 * the interpreter's working directory ({@link WorkingDirectory}); every file-system call runs
 * through Blocking so it releases the interpreter lock; errors are CPython's OSError subclasses
 * with the path as given.
 */
public final class PosixModule implements ModuleProvider {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Linux's open(2) flag values, which os.py exports as os.O_*. */
    static final long O_WRONLY = 1, O_RDWR = 2, O_CREAT = 64, O_EXCL = 128, O_TRUNC = 512, O_APPEND = 1024;

    @Override public String name() { return "posix"; }

    @Override
    public PyModule create(InterpreterState interp) {
        PyModule m = new PyModule("posix");
        m.define("getpid", (args, kw) -> ProcessHandle.current().pid());
        m.define("getppid", (args, kw) -> ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L));
        m.define("getcwd", (args, kw) -> WorkingDirectory.get().toString());
        m.define("getcwdb", (args, kw) -> new PyBytes(WorkingDirectory.get().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        m.define("chdir", (args, kw) -> {
            Args.check("chdir", args, kw, 0, 1, 1);
            Path p = path(args[0], "chdir");
            boolean[] state = io(() -> new boolean[] {Files.exists(p), Files.isDirectory(p)}, args[0]);
            if (!state[0]) throw OsErrors.error(OsErrors.ENOENT, nameOf(args[0]));
            if (!state[1]) throw OsErrors.error(OsErrors.ENOTDIR, nameOf(args[0]));
            WorkingDirectory.set(io(() -> p.toRealPath(), args[0]));
            return Py.None;
        });
        m.define("cpu_count", (args, kw) -> (long) Runtime.getRuntime().availableProcessors());
        m.define("strerror", (args, kw) -> {
            Args.check("strerror", args, kw, 0, 1, 1);
            return OsErrors.strerror((int) Ops.indexLong(args[0]));
        });
        m.define("urandom", (args, kw) -> {
            Args.check("urandom", args, kw, 0, 1, 1);
            long n = Ops.indexLong(args[0]);
            if (n < 0) throw Py.valueError("negative argument not allowed");
            byte[] b = new byte[(int) Math.min(n, Integer.MAX_VALUE - 16)];
            RANDOM.nextBytes(b);
            return new PyBytes(b);
        });
        m.define("_environ", (args, kw) -> {
            PyDict d = new PyDict();
            for (Map.Entry<String, String> e : System.getenv().entrySet()) d.put(e.getKey(), e.getValue());
            return d;
        });
        m.define("listdir", (args, kw) -> {
            Args.check("listdir", args, kw, 0, 0, 1);
            Object arg = args.length == 0 || args[0] == Py.None ? "." : args[0];
            Path p = path(arg, "listdir");
            boolean asBytes = Ops.unbox(arg) instanceof PyBytes;
            PyList out = new PyList();
            for (String name : io(() -> names(p), arg)) {
                out.append(asBytes ? new PyBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : name);
            }
            return out;
        });
        m.define("_scandir", (args, kw) -> {
            Object arg = args.length == 0 || args[0] == Py.None ? "." : args[0];
            Path p = path(arg, "scandir");
            return io(() -> {
                PyList out = new PyList();
                for (String name : names(p)) {
                    Path child = p.resolve(name);
                    boolean link = Files.isSymbolicLink(child);
                    out.append(PyTuple.of(name, Py.bool(Files.isDirectory(child)), Py.bool(Files.isRegularFile(child)), Py.bool(link)));
                }
                return out;
            }, arg);
        });
        m.define("stat", (args, kw) -> stat(args, kw, "stat", true));
        m.define("lstat", (args, kw) -> stat(args, kw, "lstat", false));
        m.define("_exists", (args, kw) -> kind(args[0], 'e'));
        m.define("_isdir", (args, kw) -> kind(args[0], 'd'));
        m.define("_isfile", (args, kw) -> kind(args[0], 'f'));
        m.define("_islink", (args, kw) -> kind(args[0], 'l'));
        m.define("remove", (args, kw) -> unlink(args, kw, "remove"));
        m.define("unlink", (args, kw) -> unlink(args, kw, "unlink"));
        m.define("rmdir", (args, kw) -> {
            Args.check("rmdir", args, kw, 0, 1, 1);
            Path p = path(args[0], "rmdir");
            io(() -> {
                if (!Files.isDirectory(p, NOFOLLOW)) {
                    if (!Files.exists(p, NOFOLLOW)) throw new NoSuchFileException(p.toString());
                    throw new java.nio.file.NotDirectoryException(p.toString());
                }
                Files.delete(p);
                return null;
            }, args[0]);
            return Py.None;
        });
        m.define("mkdir", (args, kw) -> {
            Object[] a = Args.parse("mkdir", args, kw, new String[] {"path", "mode", "dir_fd"}, 1);
            Path p = path(a[0], "mkdir");
            io(() -> Files.createDirectory(p), a[0]);
            if (a[1] != null) chmod(p, (int) Ops.indexLong(a[1]) & 0777 & ~022, a[0]);
            return Py.None;
        });
        m.define("rename", (args, kw) -> move(args, kw, "rename"));
        m.define("replace", (args, kw) -> move(args, kw, "replace"));
        m.define("chmod", (args, kw) -> {
            Object[] a = Args.parse("chmod", args, kw, new String[] {"path", "mode"}, 2);
            chmod(path(a[0], "chmod"), (int) Ops.indexLong(a[1]), a[0]);
            return Py.None;
        });
        m.define("access", (args, kw) -> {
            Object[] a = Args.parse("access", args, kw, new String[] {"path", "mode"}, 2);
            Path p = path(a[0], "access");
            long mode = Ops.indexLong(a[1]);
            return Blocking.call(() -> Files.exists(p)
                    && ((mode & 4) == 0 || Files.isReadable(p))
                    && ((mode & 2) == 0 || Files.isWritable(p))
                    && ((mode & 1) == 0 || Files.isExecutable(p)));
        });
        m.define("readlink", (args, kw) -> {
            Args.check("readlink", args, kw, 0, 1, 1);
            Path p = path(args[0], "readlink");
            return io(() -> Files.readSymbolicLink(p), args[0]).toString();
        });
        m.define("symlink", (args, kw) -> {
            Object[] a = Args.parse("symlink", args, kw, new String[] {"src", "dst", "target_is_directory"}, 2);
            Path dst = path(a[1], "symlink");
            Path src = Path.of(WorkingDirectory.fspath(a[0], "symlink", "src"));
            io(() -> Files.createSymbolicLink(dst, src), a[0], a[1]);
            return Py.None;
        });
        m.define("utime", (args, kw) -> {
            Object[] a = Args.parse("utime", args, kw, new String[] {"path", "times", "ns"}, 1);
            Path p = path(a[0], "utime");
            FileTime atime, mtime;
            if (a[1] != null && a[1] != Py.None) {
                Object[] t = Ops.toArray(a[1]);
                atime = fileTime(t[0]);
                mtime = fileTime(t[1]);
            } else if (a[2] != null) {
                Object[] t = Ops.toArray(a[2]);
                atime = FileTime.from(Ops.indexLong(t[0]), TimeUnit.NANOSECONDS);
                mtime = FileTime.from(Ops.indexLong(t[1]), TimeUnit.NANOSECONDS);
            } else {
                atime = mtime = FileTime.fromMillis(System.currentTimeMillis());
            }
            io(() -> {
                var view = Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class);
                if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
                view.setTimes(mtime, atime, null);
                return null;
            }, a[0]);
            return Py.None;
        });
        m.define("_realpath", (args, kw) -> realpath(WorkingDirectory.fspath(args[0], "realpath", "path")));
        m.define("_disk_usage", (args, kw) -> {
            Path p = path(args[0], "disk_usage");
            return io(() -> {
                var store = Files.getFileStore(p);
                long total = store.getTotalSpace();
                long free = store.getUsableSpace();
                return PyTuple.of(total, total - store.getUnallocatedSpace(), free);
            }, args[0]);
        });
        m.define("open", (args, kw) -> {
            Object[] a = Args.parse("open", args, kw, new String[] {"path", "flags", "mode", "dir_fd"}, 2);
            long flags = Ops.indexLong(a[1]);
            String p = WorkingDirectory.fspath(a[0], "open", "path");
            boolean create = (flags & O_CREAT) != 0;
            char kind = create && (flags & O_EXCL) != 0 ? 'x' : (flags & O_APPEND) != 0 ? 'a'
                    : create || (flags & O_TRUNC) != 0 ? 'w' : 'r';
            boolean plus = (flags & 3) == O_RDWR || kind == 'r' && (flags & 3) == O_WRONLY;
            FileIO f = FileIO.open(a[0], p, kind, plus);
            if (kind == 'x' && a[2] != null) chmod(path(a[0], "open"), (int) Ops.indexLong(a[2]) & 0777 & ~022, a[0]);
            return (long) f.fd();
        });
        m.define("close", (args, kw) -> {
            Args.check("close", args, kw, 0, 1, 1);
            FileIO.byFd(Ops.indexLong(args[0])).close();
            return Py.None;
        });
        m.define("read", (args, kw) -> {
            Args.check("read", args, kw, 0, 2, 2);
            FileIO f = FileIO.byFd(Ops.indexLong(args[0]));
            long n = Ops.indexLong(args[1]);
            if (n < 0) throw OsErrors.error(OsErrors.EINVAL, null);
            byte[] buf = new byte[(int) Math.min(n, 1 << 24)];
            int got = f.readInto(buf, 0, buf.length);
            return new PyBytes(got == buf.length ? buf : java.util.Arrays.copyOf(buf, got));
        });
        m.define("write", (args, kw) -> {
            Args.check("write", args, kw, 0, 2, 2);
            FileIO f = FileIO.byFd(Ops.indexLong(args[0]));
            Object data = Ops.unbox(args[1]);
            byte[] b = data instanceof PyBytes pb ? pb.bytes : data instanceof dev.gild.runtime.PyByteArray ba
                    ? java.util.Arrays.copyOf(ba.bytes, ba.size) : null;
            if (b == null) throw Py.typeError("a bytes-like object is required, not '" + Ops.typeName(args[1]) + "'");
            return (long) f.write(b, 0, b.length);
        });
        m.define("system", (args, kw) -> {
            Args.check("system", args, kw, 0, 1, 1);
            String cmd = WorkingDirectory.fspath(args[0], "system", "command");
            interp.flushAll();
            return Blocking.call(() -> {
                try {
                    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", cmd).inheritIO()
                            .directory(WorkingDirectory.get().toFile());
                    Process proc = pb.start();
                    return (long) (proc.waitFor() & 0xff) << 8;
                } catch (IOException e) {
                    return 127L << 8;
                }
            });
        });
        return m;
    }

    private static FileTime fileTime(Object seconds) {
        Object v = Ops.unbox(seconds);
        double s = v instanceof Double d ? d : Ops.indexLong(v);
        return FileTime.from((long) (s * 1e9), TimeUnit.NANOSECONDS);
    }

    static Path path(Object arg, String fname) {
        return WorkingDirectory.resolve(WorkingDirectory.fspath(arg, fname, "path"));
    }

    @FunctionalInterface
    interface FsWork<T> {
        T run() throws IOException;
    }

    /** Runs file-system work without the interpreter lock; IOException becomes OSError for name. */
    static <T> T io(FsWork<T> work, Object name) {
        return io(work, name, null);
    }

    static <T> T io(FsWork<T> work, Object name, Object name2) {
        IOException[] failure = new IOException[1];
        T result = Blocking.call(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw name2 == null ? OsErrors.of(failure[0], nameOf(name)) : OsErrors.of(failure[0], nameOf(name), nameOf(name2));
        }
        return result;
    }

    /** The filename an OSError reports: the path after os.fspath (str or bytes), as CPython. */
    private static Object nameOf(Object arg) {
        Object v = Ops.unbox(arg);
        if (v instanceof String || v instanceof PyBytes) return arg;
        Object r = Ops.callSpecial(arg, "__fspath__");
        return r == null ? arg : r;
    }

    private static java.util.List<String> names(Path p) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(p)) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
            throw new java.nio.file.NotDirectoryException(p.toString());
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path c : ds) out.add(c.getFileName().toString());
        }
        return out;
    }

    private static Object kind(Object arg, char what) {
        String s;
        try {
            s = WorkingDirectory.fspath(arg, null, null);
        } catch (dev.gild.runtime.PyException e) {
            return Boolean.FALSE;
        }
        if (s.isEmpty() || s.indexOf('\0') >= 0) return Boolean.FALSE;
        Path p = WorkingDirectory.resolve(s);
        return Py.bool(Blocking.call(() -> switch (what) {
            case 'e' -> Files.exists(p);
            case 'd' -> Files.isDirectory(p);
            case 'f' -> Files.isRegularFile(p);
            default -> Files.isSymbolicLink(p);
        }));
    }

    private static Object stat(Object[] args, String[] kw, String fname, boolean follow) {
        Object[] a = Args.parse(fname, args, kw, new String[] {"path", "dir_fd", "follow_symlinks"}, 1);
        boolean followLinks = follow && (a[2] == null || Ops.isTrue(a[2]));
        Path p = path(a[0], fname);
        Map<String, Object> attrs = io(() -> Files.readAttributes(p, "unix:*", followLinks ? FOLLOW : NOFOLLOW), a[0]);
        long mode = ((Number) attrs.get("mode")).longValue();
        long ino = ((Number) attrs.get("ino")).longValue();
        long dev = ((Number) attrs.get("dev")).longValue();
        long nlink = ((Number) attrs.get("nlink")).longValue();
        long uid = ((Number) attrs.get("uid")).longValue();
        long gid = ((Number) attrs.get("gid")).longValue();
        long size = ((Number) attrs.get("size")).longValue();
        long atimeNs = nanos((FileTime) attrs.get("lastAccessTime"));
        long mtimeNs = nanos((FileTime) attrs.get("lastModifiedTime"));
        long ctimeNs = nanos((FileTime) attrs.get("ctime"));
        return PyTuple.of(mode, ino, dev, nlink, uid, gid, size,
                atimeNs / 1e9, mtimeNs / 1e9, ctimeNs / 1e9, atimeNs, mtimeNs, ctimeNs);
    }

    private static long nanos(FileTime t) {
        return t == null ? 0 : t.to(TimeUnit.NANOSECONDS);
    }

    private static Object unlink(Object[] args, String[] kw, String fname) {
        Object[] a = Args.parse(fname, args, kw, new String[] {"path", "dir_fd"}, 1);
        Path p = path(a[0], fname);
        io(() -> {
            if (Files.isDirectory(p, NOFOLLOW)) throw new java.nio.file.FileSystemException(p.toString(), null, "Is a directory");
            Files.delete(p);
            return null;
        }, a[0]);
        return Py.None;
    }

    private static Object move(Object[] args, String[] kw, String fname) {
        Object[] a = Args.parse(fname, args, kw, new String[] {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2);
        Path src = WorkingDirectory.resolve(WorkingDirectory.fspath(a[0], fname, "src"));
        Path dst = WorkingDirectory.resolve(WorkingDirectory.fspath(a[1], fname, "dst"));
        io(() -> {
            if (!Files.exists(src, NOFOLLOW)) throw new NoSuchFileException(src.toString());
            if (Files.isDirectory(dst, NOFOLLOW) && !Files.isDirectory(src, NOFOLLOW)) {
                throw new java.nio.file.FileSystemException(dst.toString(), null, "Is a directory");
            }
            try {
                return Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                return Files.move(src, dst, StandardCopyOption.REPLACE_EXISTING);
            }
        }, a[0], a[1]);
        return Py.None;
    }

    private static void chmod(Path p, int mode, Object name) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < 9; i++) if ((mode & (1 << i)) != 0) perms.add(order[i]);
        io(() -> Files.setPosixFilePermissions(p, perms), name);
    }

    /** os.path.realpath: symlinks resolved along the longest existing prefix, the rest normalised. */
    private static String realpath(String s) {
        Path p = WorkingDirectory.resolve(s).normalize();
        return Blocking.call(() -> {
            Path existing = p;
            Path rest = null;
            while (existing != null) {
                try {
                    Path real = existing.toRealPath();
                    return (rest == null ? real : real.resolve(rest).normalize()).toString();
                } catch (IOException e) {
                    Path name = existing.getFileName();
                    if (name == null) break;
                    rest = rest == null ? name : name.resolve(rest);
                    existing = existing.getParent();
                }
            }
            return p.toString();
        });
    }
}
