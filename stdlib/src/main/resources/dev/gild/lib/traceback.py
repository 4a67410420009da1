"""traceback: extract, format and print stack traces in the interpreter's own layout."""
import sys
import _traceback

__all__ = ["extract_stack", "extract_tb", "format_exception", "format_exception_only", "format_list",
           "format_stack", "format_tb", "print_exc", "format_exc", "print_exception", "print_last",
           "print_stack", "print_tb", "clear_frames", "FrameSummary", "StackSummary",
           "TracebackException", "walk_stack", "walk_tb"]

_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"
_HEADER = "Traceback (most recent call last):\n"


class FrameSummary:
    """One frame of a stack: filename, lineno, name, the source line and the span that raised."""

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self.locals = locals
        if lookup_line:
            self.line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _traceback.source_line(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    """A list of FrameSummary objects that can format itself."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        entries = list(frame_gen)
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, position in entries:
            code = f.f_code
            if isinstance(position, tuple):
                lineno, end_lineno, colno, end_colno = position
            else:
                lineno, end_lineno, colno, end_colno = position, None, None, None
            result.append(FrameSummary(code.co_filename, lineno, code.co_name, lookup_line=lookup_lines,
                                       end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        return result

    @classmethod
    def from_list(klass, a_list):
        result = klass()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        row = '  File "{}", line {}, in {}\n'.format(frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            row += "    {}\n".format(frame_summary.line)
            markers = _traceback.markers(frame_summary._line, frame_summary.lineno, frame_summary.end_lineno,
                                         frame_summary.colno, frame_summary.end_colno)
            if markers is not None:
                row += "    {}\n".format(markers)
        return row

    def format(self):
        return [self.format_frame_summary(f) for f in self]


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    while tb is not None:
        yield tb.tb_frame, _traceback.positions(tb)
        tb = tb.tb_next


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def _limit_default(limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
    return limit


def extract_tb(tb, limit=None):
    return StackSummary.extract(_walk_tb_with_full_positions(tb), limit=_limit_default(limit))


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=_limit_default(limit))
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


_sentinel = object()


def _exception_of(exc, value, tb):
    """The (exception, traceback) the 3.10+ and the older calling conventions name."""
    if value is _sentinel:
        if exc is None:
            return None, None
        if not isinstance(exc, BaseException):
            raise TypeError("Exception expected for value, " + type(exc).__name__ + " found")
        return exc, exc.__traceback__
    if value is None:
        return None, None
    if tb is _sentinel:
        tb = value.__traceback__
    return value, tb


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None:
        if exc is None or exc is _sentinel:
            return ["NoneType: None\n"]
        return [getattr(exc, "__qualname__", str(exc)) + "\n"]
    return _traceback.format_exception_only(value)


def _format_one(value, tb, limit, out):
    if tb is not None:
        out.append(_HEADER)
        out.extend(extract_tb(tb, limit=limit).format())
    out.extend(format_exception_only(value))


def _format_chain(value, tb, limit, chain, out, seen):
    seen.add(id(value))
    if chain:
        cause = value.__cause__
        context = value.__context__
        if cause is not None and id(cause) not in seen:
            _format_chain(cause, cause.__traceback__, limit, chain, out, seen)
            out.append(_CAUSE)
        elif context is not None and not value.__suppress_context__ and id(context) not in seen:
            _format_chain(context, context.__traceback__, limit, chain, out, seen)
            out.append(_CONTEXT)
    _format_one(value, tb, limit, out)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value, tb = _exception_of(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    out = []
    _format_chain(value, tb, _limit_default(limit), chain, out, set())
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    value = sys.exception()
    if value is None:
        return "NoneType: None\n"
    if limit is None and chain and getattr(sys, "tracebacklimit", None) is None:
        return _traceback.format_exception(value)
    return "".join(format_exception(value, limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    print(format_exc(limit=limit, chain=chain), file=file, end="")


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, "last_value"):
        raise ValueError("no last exception")
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


def clear_frames(tb):
    pass


class TracebackException:
    """An exception captured for later formatting (the common attributes and format())."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10, _seen=None):
        self.exc_type = exc_type
        self._value = exc_value
        self._tb = exc_traceback
        self._limit = limit
        self.stack = extract_tb(exc_traceback, limit=limit) if exc_traceback is not None else StackSummary()
        self.__cause__ = None
        self.__context__ = None
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__notes__ = getattr(exc_value, "__notes__", None)
        if exc_value is not None:
            if exc_value.__cause__ is not None:
                c = exc_value.__cause__
                self.__cause__ = TracebackException(type(c), c, c.__traceback__, limit=limit)
            if exc_value.__context__ is not None and exc_value.__context__ is not exc_value.__cause__:
                c = exc_value.__context__
                self.__context__ = TracebackException(type(c), c, c.__traceback__, limit=limit)
        self._str = str(exc_value) if exc_value is not None else ""
        if isinstance(exc_value, SyntaxError):
            self.filename = exc_value.filename
            self.lineno = exc_value.lineno
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._value is None:
            return iter(format_exception_only(self.exc_type))
        return iter(format_exception_only(self._value))

    def format(self, *, chain=True):
        if self._value is None:
            return iter(format_exception_only(self.exc_type))
        return iter(format_exception(self._value, limit=self._limit, chain=chain))

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
