"""os: operating system interfaces over the native posix module.

The JVM cannot change its process's working directory, so chdir() changes the interpreter's own
current directory: every relative path given to open(), os, os.path, shutil, pathlib and
subprocess resolves against it. environ changes are seen by child processes started through
subprocess and os.system's environment as in CPython (putenv semantics within this process).
"""
import sys
import posix
import posixpath as path
from posix import (getpid, getppid, getcwd, getcwdb, chdir, cpu_count, strerror, urandom, listdir,
                   stat, lstat, remove, unlink, rmdir, mkdir, rename, replace, chmod, access,
                   readlink, symlink, utime, system, open, close, read, write)

sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
curdir = path.curdir
pardir = path.pardir
devnull = path.devnull
linesep = "\n"

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
O_RDONLY = 0
O_WRONLY = 1
O_RDWR = 2
O_CREAT = 64
O_EXCL = 128
O_TRUNC = 512
O_APPEND = 1024

error = OSError


class _PathLikeMeta(type):
    """isinstance/issubclass of os.PathLike test for __fspath__, as CPython's ABC hook does."""

    def __instancecheck__(cls, obj):
        return hasattr(type(obj), "__fspath__")

    def __subclasscheck__(cls, subclass):
        return hasattr(subclass, "__fspath__")


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base of objects with __fspath__."""

    def __fspath__(self):
        raise NotImplementedError


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    r = f(p)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                    % (type(p).__name__, type(r).__name__))


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode("utf-8", "surrogateescape") if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode("utf-8", "surrogateescape") if isinstance(filename, bytes) else filename


class stat_result:
    """The result of os.stat: indexable as a 10-tuple, with st_* attributes."""
    n_sequence_fields = 10
    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
              "st_atime", "st_mtime", "st_ctime")

    def __init__(self, values):
        values = tuple(values)
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
         self.st_size) = values[:7]
        self.st_atime, self.st_mtime, self.st_ctime = values[7:10]
        if len(values) >= 13:
            self.st_atime_ns, self.st_mtime_ns, self.st_ctime_ns = values[10:13]
        else:
            self.st_atime_ns = int(self.st_atime * 1e9)
            self.st_mtime_ns = int(self.st_mtime * 1e9)
            self.st_ctime_ns = int(self.st_ctime * 1e9)

    def _tuple(self):
        return (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
                self.st_size, int(self.st_atime), int(self.st_mtime), int(self.st_ctime))

    def __getitem__(self, i):
        return self._tuple()[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._tuple())

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._tuple() == other._tuple()
        if isinstance(other, tuple):
            return self._tuple() == other
        return NotImplemented

    def __hash__(self):
        return hash(self._tuple())

    def __repr__(self):
        return "os.stat_result(" + ", ".join(
            "%s=%r" % (n, v) for n, v in zip(self._names, self._tuple())) + ")"


_native_stat = stat
_native_lstat = lstat


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_native_stat(path, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    return stat_result(_native_lstat(path))


class terminal_size(tuple):
    def __new__(cls, size):
        return tuple.__new__(cls, size)

    @property
    def columns(self):
        return self[0]

    @property
    def lines(self):
        return self[1]

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % (self[0], self[1])


def get_terminal_size(fd=1):
    # The JVM cannot query a terminal's size: report what a non-terminal gives in CPython.
    raise OSError(25, "Inappropriate ioctl for device")


# Changes made through putenv/unsetenv (and so through environ): the environment child processes get.
_env_changes = {}


def _child_environ():
    env = posix._environ()
    for key, value in _env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class _Environ(dict):
    """os.environ: a str -> str mapping; changes also go to putenv (seen by child processes)."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def clear(self):
        for key in list(self):
            del self[key]

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, *args, **kwargs):
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def copy(self):
        return dict(self)

    def __repr__(self):
        return "environ(" + dict.__repr__(self) + ")"


environ = _Environ(posix._environ())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    if not isinstance(key, str) or not isinstance(value, str):
        raise TypeError("str expected, not " + type(value if isinstance(key, str) else key).__name__)
    if not key or "=" in key:
        raise ValueError("illegal environment variable name")
    _env_changes[key] = value


def unsetenv(key):
    _env_changes[key] = None


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get("PATH", defpath).split(pathsep)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry of scandir(): name, path and cached type checks."""

    def __init__(self, directory, name, is_dir, is_file, is_symlink):
        self.name = name
        self.path = path.join(directory, name)
        self._is_dir = is_dir
        self._is_file = is_file
        self._is_symlink = is_symlink
        self._stat = None

    def is_dir(self, *, follow_symlinks=True):
        if not follow_symlinks and self._is_symlink:
            return False
        return self._is_dir

    def is_file(self, *, follow_symlinks=True):
        if not follow_symlinks and self._is_symlink:
            return False
        return self._is_file

    def is_symlink(self):
        return self._is_symlink

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        return lstat(self.path)

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self):
        self._it = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path_arg="."):
    if path_arg is None:
        path_arg = "."
    directory = fspath(path_arg)
    return _ScandirIterator([DirEntry(directory, n, d, f, l)
                             for n, d, f, l in posix._scandir(directory)])


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    nondirs = []
    walk_dirs = []
    for entry in entries:
        if entry.is_dir():
            dirs.append(entry.name)
            if not topdown and (followlinks or not entry.is_symlink()):
                walk_dirs.append(entry.path)
        else:
            nondirs.append(entry.name)
    if topdown:
        yield top, dirs, nondirs
        for dirname in dirs:
            new_path = path.join(top, dirname)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for new_path in walk_dirs:
            yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def getuid():
    return _native_stat("/proc/self")[4]


def getgid():
    return _native_stat("/proc/self")[5]


def getlogin():
    return environ.get("USER") or environ.get("LOGNAME") or ""
