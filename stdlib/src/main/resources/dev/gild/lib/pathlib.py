"""pathlib: object-oriented POSIX paths (PurePath, PurePosixPath, Path, PosixPath)."""
import os
import fnmatch
import io

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(args):
    """(root, parts) of the joined arguments: root is '', '/' or '//'; parts have no '.'."""
    root = ""
    parts = []
    for a in args:
        if isinstance(a, PurePath):
            if a._root:
                root = a._root
                parts = list(a._parts)
            else:
                parts.extend(a._parts)
            continue
        a = os.fspath(a)
        if isinstance(a, bytes):
            raise TypeError("argument should be a str or an os.PathLike object where __fspath__ "
                            "returns a str, not 'bytes'")
        if not isinstance(a, str):
            raise TypeError("argument should be a str or an os.PathLike object where __fspath__ "
                            "returns a str, not %r" % type(a).__name__)
        if a.startswith("/"):
            root = "//" if a.startswith("//") and not a.startswith("///") else "/"
            parts = []
        for piece in a.split("/"):
            if piece and piece != ".":
                parts.append(piece)
    return root, parts


class _PathParents:
    """The sequence of a path's ancestors (path.parents)."""

    def __init__(self, path):
        self._path = path
        self._n = len(path._parts)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(self._n)))
        if idx < 0:
            idx += self._n
        if idx < 0 or idx >= self._n:
            raise IndexError(idx)
        p = self._path
        return p._from_parsed(p._root, p._parts[:self._n - idx - 1])

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path without file-system access."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        self._str = None
        return self

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = list(parts)
        self._str = None
        return self

    def _make(self, root, parts):
        return type(self)._from_parsed(root, parts)

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._parts)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return "file://" + str(self)

    def _key(self):
        return (self._root, tuple(self._parts))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, key):
        try:
            return self._make(*_parse([self, key]))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._make(*_parse([key, self]))
        except TypeError:
            return NotImplemented

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + tuple(self._parts)
        return tuple(self._parts)

    @property
    def name(self):
        return self._parts[-1] if self._parts else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._make(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._make(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or suffix and (not suffix.startswith(".") or suffix == "."):
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        name = name[:len(name) - len(old)] + suffix if old else name + suffix
        return self._make(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        root, parts = _parse(other)
        n = len(parts)
        if root != self._root or self._parts[:n] != parts:
            formatted = (root + "/".join(parts)) or "."
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the "
                             "other is absolute.".format(str(self), formatted))
        return self._make("", self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def joinpath(self, *args):
        return self._make(*_parse([self] + list(args)))

    def match(self, path_pattern):
        root, pat_parts = _parse([path_pattern])
        if not pat_parts and not root:
            raise ValueError("empty pattern")
        if root:
            if root != self._root or len(pat_parts) != len(self._parts):
                return False
        elif len(pat_parts) > len(self._parts):
            return False
        for part, pat in zip(reversed(self._parts), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    """A path with file-system operations."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        self = object.__new__(cls)
        self._root, self._parts = _parse(args)
        self._str = None
        return self

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def exists(self):
        return os.path.exists(self)

    def is_file(self):
        return os.path.isfile(self)

    def is_dir(self):
        return os.path.isdir(self)

    def is_symlink(self):
        return os.path.islink(self)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        return os.path.samefile(self, other_path)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._make(self._root, self._parts + [name])

    def _child(self, name):
        return self._make(self._root, self._parts + [name])

    def glob(self, pattern):
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if not parts:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        return self._select(self, parts)

    def rglob(self, pattern):
        root, parts = _parse([pattern])
        if root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        return self._select(self, ["**"] + parts)

    def _select(self, base, parts):
        if not parts:
            yield base
            return
        head = parts[0]
        rest = parts[1:]
        if head == "**":
            seen = set()
            for d in self._walk_dirs(base):
                for p in self._select(d, rest):
                    key = str(p)
                    if key not in seen:
                        seen.add(key)
                        yield p
        elif any(c in head for c in "*?["):
            try:
                entries = list(os.scandir(base))
            except OSError:
                return
            for entry in entries:
                if rest and not entry.is_dir():
                    continue
                if fnmatch.fnmatchcase(entry.name, head):
                    yield from self._select(base._child(entry.name), rest)
        else:
            child = base._child(head)
            if rest:
                if child.is_dir():
                    yield from self._select(child, rest)
            elif child.exists():
                yield child

    def _walk_dirs(self, base):
        yield base
        try:
            entries = list(os.scandir(base))
        except OSError:
            return
        for entry in entries:
            if entry.is_dir() and not entry.is_symlink():
                yield from self._walk_dirs(base._child(entry.name))

    def absolute(self):
        if self.is_absolute():
            return self
        return self._make(*_parse([os.getcwd(), self]))

    def resolve(self, strict=False):
        return self._make(*_parse([os.path.realpath(self, strict=strict)]))

    def expanduser(self):
        if self._parts and self._parts[0].startswith("~") and not self._root:
            return self._make(*_parse([os.path.expanduser(str(self))]))
        return self

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode="r", encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = bytes(memoryview(data)) if not isinstance(data, (bytes, bytearray)) else data
        with self.open(mode="wb") as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def touch(self, mode=0o666, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            os.utime(self)
            return
        with self.open("a"):
            pass

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(self, target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def readlink(self):
        return self._make(*_parse([os.readlink(self)]))

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass


class PosixPath(Path, PurePosixPath):
    pass
