"""Disassembler of Gild bytecode, in the layout of CPython 3.11's dis module.

Gild's instruction set follows CPython's names where the operation is the same, so listings read
the same way; offsets count two per instruction, as CPython's code units. Gild has no RESUME,
PRECALL or CACHE entries.

Beyond CPython: switch points. Gild can only change threads between two instructions, and with
--preempt-at backedge only at some of them (entry to a code object, after a call returns, the
target of a loop's back edge). dis(x, switch_points=True) marks with '*' the instructions before
which the running thread may lose the interpreter lock in the mode this interpreter runs in;
switch_points='instruction' or 'backedge' picks a mode. From the command line:
    gild -m dis [--show-switch-points] [--preempt-at instruction|backedge] script.py
"""

import sys
import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Bytecode", "switch_points",
           "opname", "opmap", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal",
           "hascompare", "hasfree", "COMPILER_FLAG_NAMES"]

opname = list(_dis.opname)
opmap = {name: code for code, name in enumerate(opname)}
hasconst = list(_dis.hasconst)
hasname = list(_dis.hasname)
hasjrel = list(_dis.hasjrel)
hasjabs = list(_dis.hasjabs)
haslocal = list(_dis.haslocal)
hascompare = list(_dis.hascompare)
hasfree = list(_dis.hasfree)

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}

_FIELDS = ("opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line",
           "is_jump_target", "positions")


class Instruction(tuple):
    """Details of one bytecode instruction (the fields of CPython 3.11's dis.Instruction).

    opname, opcode: the operation; arg: the raw operand or None; argval: the resolved operand
    (constant, name, jump target offset); argrepr: its text in a listing; offset: 2 * index;
    starts_line: the source line the instruction starts, or None; is_jump_target: whether a jump
    or an exception handler lands here; positions: always None (Gild keeps no column table).
    """

    __slots__ = ()
    _fields = _FIELDS

    def __new__(cls, opname, opcode, arg, argval, argrepr, offset, starts_line, is_jump_target,
                positions=None):
        return tuple.__new__(cls, (opname, opcode, arg, argval, argrepr, offset, starts_line,
                                   is_jump_target, positions))

    opname = property(lambda self: self[0], doc="Human readable name for operation")
    opcode = property(lambda self: self[1], doc="Numeric code for operation")
    arg = property(lambda self: self[2], doc="Numeric argument to operation (if any), otherwise None")
    argval = property(lambda self: self[3], doc="Resolved arg value (if known), otherwise same as arg")
    argrepr = property(lambda self: self[4], doc="Human readable description of operation argument")
    offset = property(lambda self: self[5], doc="Start index of operation within bytecode sequence")
    starts_line = property(lambda self: self[6], doc="Line started by this opcode (if any), otherwise None")
    is_jump_target = property(lambda self: self[7], doc="True if other code jumps to here, otherwise False")
    positions = property(lambda self: self[8], doc="Always None: Gild keeps line numbers only")

    def _asdict(self):
        return dict(zip(_FIELDS, self))

    def _replace(self, **changes):
        values = self._asdict()
        for name, value in changes.items():
            if name not in values:
                raise ValueError("Got unexpected field names: %r" % [name])
            values[name] = value
        return Instruction(*values.values())

    def __repr__(self):
        parts = ", ".join("%s=%r" % (name, value) for name, value in zip(_FIELDS, self))
        return "Instruction(" + parts + ")"


def _switch_mode(switch_points):
    """The mode string _dis expects: None (no marks), 'instruction' or 'backedge'."""
    if switch_points is None or switch_points is False:
        return None
    if switch_points is True:
        return _dis.preempt_at
    if switch_points in ("instruction", "backedge"):
        return switch_points
    raise ValueError("switch_points must be a bool, 'instruction' or 'backedge', not %r" % (switch_points,))


def _try_compile(source, name):
    """An expression compiles in eval mode (so dis('a + b') shows its value), anything else in exec mode."""
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        return compile(source, name, "exec")


def _is_code(x):
    return type(x).__name__ == "code" and hasattr(x, "co_name")


def _get_code_object(x):
    """The code object behind a function, method, generator, code object or source string."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if _is_code(x):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _has_code(x):
    return (isinstance(x, type) or _is_code(x) or hasattr(x, "__code__")
            or hasattr(hasattr(x, "__func__") and x.__func__, "__code__"))


def _print(text, file):
    if file is None:
        file = sys.stdout
    file.write(text)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False, switch_points=False):
    """Disassemble a class, method, function, code object or source string (the last traceback when x is None).

    Classes and modules: each function, method and nested class in their namespace, sorted by name.
    depth limits how deep nested code objects are shown (None: all). switch_points marks with '*'
    where a thread switch may happen: True for this interpreter's --preempt-at mode, or
    'instruction' / 'backedge'.
    """
    mode = _switch_mode(switch_points)
    if x is None:
        distb(file=file, switch_points=switch_points)
        return
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if hasattr(x, "__dict__") and not _is_code(x):
        for name, value in sorted(x.__dict__.items()):
            if _has_code(value):
                _print("Disassembly of %s:\n" % name, file)
                try:
                    dis(value, file=file, depth=depth, switch_points=switch_points)
                except TypeError as err:
                    _print("Sorry: %s\n" % err, file)
                _print("\n", file)
        return
    if isinstance(x, str):
        x = _try_compile(x, "<dis>")
    if not _is_code(x):
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)
    _disassemble_recursive(x, file, depth, mode)


def _disassemble_recursive(code, file, depth, mode):
    if depth is None:
        _print(_dis.disassemble(code, mode, True), file)
        return
    _print(_dis.disassemble(code, mode, False), file)
    if depth > 0:
        for const in code.co_consts:
            if _is_code(const):
                _print("\nDisassembly of %r:\n" % (const,), file)
                _disassemble_recursive(const, file, depth - 1, mode)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False, switch_points=False):
    """Disassemble the code of a traceback's innermost frame (the last traceback by default)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, file=file, switch_points=switch_points)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False, switch_points=False):
    """Disassemble one code object (not the code objects nested in it)."""
    _print(_dis.disassemble(co, _switch_mode(switch_points), False), file)


disco = disassemble


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator over the Instructions of a function, method, code object or source string.

    first_line, when given, renumbers the lines so that the code's first line is first_line.
    """
    code = _get_code_object(x)
    line_offset = 0 if first_line is None else first_line - code.co_firstlineno
    return iter(_instructions(code, line_offset))


def _instructions(code, line_offset=0):
    result = []
    for row in _dis.instructions(code):
        starts_line = row[6]
        if starts_line is not None:
            starts_line += line_offset
        result.append(Instruction(row[0], row[1], row[2], row[3], row[4], row[5], starts_line, row[7]))
    return result


def switch_points(x, mode=None):
    """Offsets of the instructions before which a thread switch may happen.

    mode: 'instruction', 'backedge', or None for the mode this interpreter runs in.
    """
    code = _get_code_object(x)
    return [row[5] for row in _dis.instructions(code, mode or _dis.preempt_at) if row[8]]


def findlinestarts(code):
    """(offset, lineno) pairs, one where each source line starts."""
    for row in _dis.instructions(code):
        if row[6] is not None:
            yield row[5], row[6]


def findlabels(code):
    """Offsets that are jump targets."""
    return [row[3] for row in _dis.instructions(code) if row[1] in hasjabs]


def pretty_flags(flags):
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """A formatted multi-line description of a code object's attributes."""
    co = _get_code_object(x)
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % _dis.stacksize(co),
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    if co.co_consts:
        lines.append("Constants:")
        for i, c in enumerate(co.co_consts):
            lines.append("%4d: %r" % (i, c))
    for title, names in (("Names:", co.co_names), ("Variable names:", co.co_varnames),
                         ("Free variables:", co.co_freevars), ("Cell variables:", co.co_cellvars)):
        if names:
            lines.append(title)
            for i, n in enumerate(names):
                lines.append("%4d: %s" % (i, n))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print code_info(co)."""
    _print(code_info(co) + "\n", file)


class Bytecode:
    """The bytecode of a function, method, code object or source string, as Instructions.

    Iterating gives the Instructions; dis() returns the listing as a string, info() the code_info.
    """

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False, switch_points=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self.current_offset = current_offset
        self.switch_points = switch_points
        self._original_object = x

    def __iter__(self):
        return iter(_instructions(self.codeobj, self._line_offset))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """A Bytecode of the innermost frame of a traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti if hasattr(tb, "tb_lasti") else None)

    def info(self):
        return code_info(self.codeobj)

    def dis(self):
        """The listing of this code object (not of the code objects nested in it), as a string."""
        return _dis.disassemble(self.codeobj, _switch_mode(self.switch_points), False)


_USAGE = "usage: gild -m dis [-h] [--show-switch-points] [--preempt-at instruction|backedge] [infile]\n"


def _main(args):
    """gild -m dis [--show-switch-points] [--preempt-at MODE] [infile]: disassemble a script (stdin by default)."""
    marks = False
    infile = None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("-h", "--help"):
            sys.stdout.write(_USAGE)
            return 0
        if arg == "--show-switch-points":
            marks = marks or True
        elif arg == "--preempt-at" or arg.startswith("--preempt-at="):
            value = arg.partition("=")[2] or (rest.pop(0) if rest else "")
            if value not in ("instruction", "backedge"):
                sys.stderr.write(_USAGE + "gild -m dis: error: --preempt-at must be instruction or backedge\n")
                return 2
            marks = value
        elif arg.startswith("-") and arg != "-":
            sys.stderr.write(_USAGE + "gild -m dis: error: unrecognized arguments: %s\n" % arg)
            return 2
        elif infile is None:
            infile = arg
        else:
            sys.stderr.write(_USAGE + "gild -m dis: error: unrecognized arguments: %s\n" % arg)
            return 2
    if infile is None or infile == "-":
        code = compile(sys.stdin.read(), "<stdin>", "exec")
    else:
        code = _dis.compile_file(infile)
    dis(code, switch_points=marks)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
