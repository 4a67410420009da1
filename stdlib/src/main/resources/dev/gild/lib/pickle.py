"""Serialisation of Python objects with CPython's pickle format and API.

Pickling writes protocols 2 to 5 with the bytes CPython's C pickler produces for the built-in
types (framing, memoisation, opcode choice); unpickling reads protocols 0 to 5.
"""
import sys
import copyreg

__all__ = ['PickleError', 'PicklingError', 'UnpicklingError', 'Pickler', 'Unpickler', 'dump', 'dumps',
           'load', 'loads', 'PickleBuffer', 'DEFAULT_PROTOCOL', 'HIGHEST_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4
format_version = '4.0'
compatible_formats = ['1.0', '1.1', '1.2', '1.3', '2.0', '3.0', '4.0', '5.0']


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


class PickleBuffer:
    """A buffer handed to buffer_callback by protocol 5 (kept as bytes here)."""

    def __init__(self, buffer):
        self._data = bytes(buffer)
        self.readonly = isinstance(buffer, bytes)

    def raw(self):
        return self._data

    def release(self):
        pass


MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_FRAME_SIZE_MIN = 4
_FRAME_SIZE_TARGET = 64 * 1024
_BATCHSIZE = 1000
_INF = float('inf')


def _u32(n):
    return n.to_bytes(4, 'little')


def _u64(n):
    return n.to_bytes(8, 'little')


def _float_bytes(x):
    """The IEEE 754 binary64 encoding of x, big-endian (struct's '>d')."""
    if x != x:
        bits = 0x7ff8000000000000
    elif x == _INF:
        bits = 0x7ff0000000000000
    elif x == -_INF:
        bits = 0xfff0000000000000
    else:
        text = x.hex()
        sign = 0
        if text[0] == '-':
            sign = 1
            text = text[1:]
        mantissa, exponent = text[2:].split('p')
        lead, _, fraction = mantissa.partition('.')
        fraction_bits = int((fraction + '0' * 13)[:13], 16)
        biased = int(exponent) + 1023 if lead == '1' else 0
        bits = (sign << 63) | (biased << 52) | fraction_bits
    return bits.to_bytes(8, 'big')


def _float_from_bytes(data):
    bits = int.from_bytes(data, 'big')
    sign = '-' if bits >> 63 else ''
    biased = (bits >> 52) & 0x7ff
    fraction = bits & 0xfffffffffffff
    if biased == 0x7ff:
        if fraction:
            return float('nan')
        return float(sign + 'inf')
    if biased == 0:
        return float.fromhex('%s0x0.%013xp-1022' % (sign, fraction))
    return float.fromhex('%s0x1.%013xp%+d' % (sign, fraction, biased - 1023))


def encode_long(x):
    """Little-endian two's complement bytes of x, as few as possible (b'' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1 and result[-1] == 0xff and (result[-2] & 0x80) != 0:
        result = result[:-1]
    return result


def decode_long(data):
    return int.from_bytes(data, 'little', signed=True)


def _has_slots(cls):
    for klass in cls.__mro__:
        if '__slots__' in klass.__dict__:
            return True
    return False


def _default_state(obj):
    """What object.__getstate__ returns: the __dict__ (None when empty), with slot values."""
    cls = type(obj)
    getstate = getattr(obj, '__getstate__', None)
    if getstate is not None:
        return getstate()
    state = getattr(obj, '__dict__', None)
    if not state:
        state = None
    slot_names = copyreg._slotnames(cls) if _has_slots(cls) else []
    if slot_names:
        slots = {}
        for name in slot_names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _reduce_object(obj, proto):
    """object.__reduce_ex__(proto) for protocols 2+: (copyreg.__newobj__, (cls, *args), state, ...)."""
    cls = type(obj)
    args = ()
    kwargs = None
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
    is_list = isinstance(obj, list)
    is_dict = isinstance(obj, dict)
    if (not args and not kwargs and not is_list and not is_dict and not hasattr(obj, '__dict__')
            and not _has_slots(cls) and getattr(obj, '__getstate__', None) is None):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    state = _default_state(obj)
    listitems = iter(obj) if is_list else None
    dictitems = iter(obj.items()) if is_dict else None
    if kwargs:
        return copyreg.__newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems
    return (copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems)


def _lookup_qualname(module, qualname):
    obj = module
    parent = None
    for part in qualname.split('.'):
        if part == '<locals>':
            raise AttributeError(qualname)
        parent = obj
        obj = getattr(obj, part)
    return obj, parent


def _whichmodule(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in list(sys.modules.items()):
        if module_name == '__main__' or module is None:
            continue
        try:
            if _lookup_qualname(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


class Pickler:
    """Writes pickles of objects to a binary file."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError('pickle protocol must be <= %d' % HIGHEST_PROTOCOL)
        if protocol < 2:
            raise ValueError('pickle protocol %d is not supported for writing (use 2 or higher)' % protocol)
        if buffer_callback is not None and protocol < 5:
            raise ValueError('buffer_callback needs protocol >= 5')
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.proto = protocol
        self.fix_imports = fix_imports
        self._buffer_callback = buffer_callback
        self.memo = {}
        self.fast = 0
        self.bin = True
        self.framing = protocol >= 4
        if not hasattr(self, 'dispatch_table'):
            self.dispatch_table = copyreg.dispatch_table

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        """Writes the pickle of obj to the file."""
        self._chunks = []
        self._frame = bytearray()
        self._frame.extend(PROTO + bytes([self.proto]))
        if self.framing:
            # the PROTO opcode precedes the first frame
            self._chunks.append(bytes(self._frame))
            self._frame = bytearray()
        self.save(obj)
        self._frame.extend(STOP)
        self._commit_frame()
        self._file_write(b''.join(self._chunks))
        self._chunks = None

    def _commit_frame(self):
        frame = self._frame
        if self.framing and len(frame) >= _FRAME_SIZE_MIN:
            self._chunks.append(FRAME + _u64(len(frame)))
        self._chunks.append(bytes(frame))
        self._frame = bytearray()

    def _opcode_boundary(self):
        if self.framing and len(self._frame) >= _FRAME_SIZE_TARGET:
            self._commit_frame()

    def write(self, data):
        self._frame.extend(data)

    def _write_large(self, header, payload):
        """Header and payload; a payload of a frame's size or more goes outside the frames."""
        if self.framing and len(payload) >= _FRAME_SIZE_TARGET:
            self._commit_frame()
            self._chunks.append(header)
            self._chunks.append(bytes(payload))
        else:
            self._frame.extend(header)
            self._frame.extend(payload)

    def memoize(self, obj):
        if self.fast:
            return
        index = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        elif index < 256:
            self.write(BINPUT + bytes([index]))
        else:
            self.write(LONG_BINPUT + _u32(index))
        self.memo[id(obj)] = index, obj

    def get(self, index):
        if index < 256:
            return BINGET + bytes([index])
        return LONG_BINGET + _u32(index)

    def persistent_id(self, obj):
        return None

    def save(self, obj, save_persistent_id=True):
        if save_persistent_id:
            pid = self.persistent_id(obj)
            if pid is not None:
                self.save(pid, False)
                self.write(BINPERSID)
                return
        t = type(obj)
        if obj is None:
            self.write(NONE)
        elif t is bool:
            self.write(NEWTRUE if obj else NEWFALSE)
        elif t is int:
            self.save_long(obj)
        elif t is float:
            self.write(BINFLOAT + _float_bytes(obj))
        else:
            memoized = self.memo.get(id(obj))
            if memoized is not None:
                self.write(self.get(memoized[0]))
            else:
                self._save_object(obj, t)
        self._opcode_boundary()

    def _save_object(self, obj, t):
        if t is str:
            self.save_str(obj)
        elif t is bytes:
            self.save_bytes(obj)
        elif t is tuple:
            self.save_tuple(obj)
        elif t is list:
            self.write(EMPTY_LIST)
            self.memoize(obj)
            self._batch_appends(obj)
        elif t is dict:
            self.write(EMPTY_DICT)
            self.memoize(obj)
            self._batch_setitems(obj.items())
        elif t is set and self.proto >= 4:
            self.save_set(obj)
        elif t is frozenset and self.proto >= 4:
            self.save_frozenset(obj)
        elif t is bytearray and self.proto >= 5:
            self._write_large(BYTEARRAY8 + _u64(len(obj)), obj)
            self.memoize(obj)
        else:
            reduce = self.dispatch_table.get(t) if self.dispatch_table is not None else None
            if reduce is not None:
                rv = reduce(obj)
            elif isinstance(obj, type) or callable(obj) and hasattr(obj, '__qualname__') \
                    and t.__name__ in ('function', 'builtin_function_or_method'):
                self.save_global(obj)
                return
            else:
                rv = self._reduce(obj, t)
            if isinstance(rv, str):
                self.save_global(obj, rv)
                return
            if not isinstance(rv, tuple):
                raise PicklingError('%s must return string or tuple' % '__reduce__')
            if not 2 <= len(rv) <= 6:
                raise PicklingError('Tuple returned by %s must have two to six elements' % '__reduce__')
            self.save_reduce(obj=obj, *rv)

    def _reduce(self, obj, t):
        if t is set:
            return set, (list(obj),)
        if t is frozenset:
            return frozenset, (list(obj),)
        if t is bytearray:
            return bytearray, (bytes(obj),)
        if t is complex:
            return complex, (obj.real, obj.imag)
        reduce_ex = getattr(t, '__reduce_ex__', None)
        if reduce_ex is not None and reduce_ex is not object.__reduce_ex__:
            return reduce_ex(obj, self.proto)
        reduce = getattr(t, '__reduce__', None)
        if reduce is not None and reduce is not getattr(object, '__reduce__', None):
            return reduce(obj)
        return _reduce_object(obj, self.proto)

    def save_long(self, obj):
        if 0 <= obj <= 0xff:
            self.write(BININT1 + bytes([obj]))
        elif 0 <= obj <= 0xffff:
            self.write(BININT2 + obj.to_bytes(2, 'little'))
        elif -0x80000000 <= obj <= 0x7fffffff:
            self.write(BININT + obj.to_bytes(4, 'little', signed=True))
        else:
            encoded = encode_long(obj)
            n = len(encoded)
            if n < 256:
                self.write(LONG1 + bytes([n]) + encoded)
            else:
                self.write(LONG4 + n.to_bytes(4, 'little', signed=True) + encoded)

    def save_str(self, obj):
        encoded = obj.encode('utf-8', 'surrogatepass')
        n = len(encoded)
        if n < 256 and self.proto >= 4:
            self.write(SHORT_BINUNICODE + bytes([n]) + encoded)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large(BINUNICODE8 + _u64(n), encoded)
        else:
            self._write_large(BINUNICODE + _u32(n), encoded)
        self.memoize(obj)

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
                return
            # CPython's form: _codecs.encode(latin-1 text, 'latin1'), written without importing _codecs
            memoized = self.memo.get(id(_codecs_encode_marker))
            if memoized is not None:
                self.write(self.get(memoized[0]))
            else:
                self.write(GLOBAL + b'_codecs\nencode\n')
                self.memoize(_codecs_encode_marker)
            self.save((str(obj, 'latin1'), 'latin1'))
            self.write(REDUCE)
            self.memoize(obj)
            return
        n = len(obj)
        if n < 256:
            self.write(SHORT_BINBYTES + bytes([n]) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self._write_large(BINBYTES8 + _u64(n), obj)
        else:
            self._write_large(BINBYTES + _u32(n), obj)
        self.memoize(obj)

    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE)
            return
        n = len(obj)
        if n <= 3:
            for element in obj:
                self.save(element)
            memoized = self.memo.get(id(obj))
            if memoized is not None:
                self.write(POP * n + self.get(memoized[0]))
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        self.write(MARK)
        for element in obj:
            self.save(element)
        memoized = self.memo.get(id(obj))
        if memoized is not None:
            self.write(POP_MARK + self.get(memoized[0]))
            return
        self.write(TUPLE)
        self.memoize(obj)

    def _batch_appends(self, items):
        it = iter(items)
        while True:
            batch = []
            for item in it:
                batch.append(item)
                if len(batch) == _BATCHSIZE:
                    break
            if len(batch) > 1:
                self.write(MARK)
                for item in batch:
                    self.save(item)
                self.write(APPENDS)
            elif batch:
                self.save(batch[0])
                self.write(APPEND)
            if len(batch) < _BATCHSIZE:
                return

    def _batch_setitems(self, items):
        it = iter(items)
        while True:
            batch = []
            for item in it:
                batch.append(item)
                if len(batch) == _BATCHSIZE:
                    break
            if len(batch) > 1:
                self.write(MARK)
                for key, value in batch:
                    self.save(key)
                    self.save(value)
                self.write(SETITEMS)
            elif batch:
                key, value = batch[0]
                self.save(key)
                self.save(value)
                self.write(SETITEM)
            if len(batch) < _BATCHSIZE:
                return

    def save_set(self, obj):
        self.write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        for start in range(0, len(items), _BATCHSIZE):
            self.write(MARK)
            for item in items[start:start + _BATCHSIZE]:
                self.save(item)
            self.write(ADDITEMS)

    def save_frozenset(self, obj):
        self.write(MARK)
        for item in obj:
            self.save(item)
        memoized = self.memo.get(id(obj))
        if memoized is not None:
            self.write(POP_MARK + self.get(memoized[0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError('args from save_reduce() must be a tuple')
        if not callable(func):
            raise PicklingError('func from save_reduce() must be callable')
        func_name = getattr(func, '__name__', '')
        if func_name == '__newobj_ex__':
            cls, args, kwargs = args
            if obj is not None and cls is not obj.__class__:
                raise PicklingError('args[0] from __newobj_ex__ args has the wrong class')
            self.save(cls)
            self.save(args)
            self.save(kwargs)
            self.write(NEWOBJ_EX)
        elif func_name == '__newobj__':
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError('args[0] from __newobj__ args has no __new__')
            if obj is not None and cls is not obj.__class__:
                raise PicklingError('args[0] from __newobj__ args has the wrong class')
            self.save(cls)
            self.save(args[1:])
            self.write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            self.write(REDUCE)
        if obj is not None:
            memoized = self.memo.get(id(obj))
            if memoized is not None:
                self.write(POP + self.get(memoized[0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                self.write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                self.write(TUPLE2)
                self.write(REDUCE)
                self.write(POP)

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None) or obj.__name__
        module_name = _whichmodule(obj, name)
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % name)
        try:
            __import__(module_name)
            module = sys.modules[module_name]
        except (ImportError, KeyError):
            raise PicklingError("Can't pickle %r: import of module %r failed" % (obj, module_name)) from None
        try:
            found, parent = _lookup_qualname(module, name)
        except AttributeError:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s" % (obj, module_name, name))
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        else:
            if '.' in name:
                # nested names before protocol 4: reduce through getattr of the parent
                self.save_reduce(getattr, (parent, name.rsplit('.', 1)[1]))
                return
            if self.fix_imports and self.proto < 3:
                module_name = _REVERSE_IMPORT_MAPPING.get(module_name, module_name)
            self.write(GLOBAL + module_name.encode('utf-8') + b'\n' + name.encode('utf-8') + b'\n')
        self.memoize(obj)


_codecs_encode_marker = object()


_SIMPLE_ESCAPES = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('a'): 7, ord('b'): 8, ord('f'): 12,
                   ord('v'): 11, ord('\\'): 92, ord("'"): 39, ord('"'): 34, ord('\n'): None}


def _unescape_bytes(data):
    """The bytes of a Python 2 string literal body (the STRING opcode's argument)."""
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        i += 1
        if c != 92 or i >= n:
            out.append(c)
            continue
        e = data[i]
        i += 1
        if e in _SIMPLE_ESCAPES:
            if _SIMPLE_ESCAPES[e] is not None:
                out.append(_SIMPLE_ESCAPES[e])
        elif e == ord('x') and i + 2 <= n:
            out.append(int(data[i:i + 2], 16))
            i += 2
        elif 48 <= e <= 55:
            value = e - 48
            for _ in range(2):
                if i < n and 48 <= data[i] <= 55:
                    value = value * 8 + data[i] - 48
                    i += 1
            out.append(value & 0xff)
        else:
            out.append(92)
            out.append(e)
    return bytes(out)


def _codecs_encode(text, encoding='utf-8', errors='strict'):
    return text.encode(encoding, errors)


_IMPORT_MAPPING = {'__builtin__': 'builtins', 'copy_reg': 'copyreg', 'Queue': 'queue',
                   'cPickle': 'pickle', '_abcoll': 'collections.abc'}
_REVERSE_IMPORT_MAPPING = {'builtins': '__builtin__', 'copyreg': 'copy_reg', 'queue': 'Queue'}


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


class Unpickler:
    """Reads objects back from pickles in a binary file."""

    def __init__(self, file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
        try:
            self._file_read = file.read
            self._file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes") from None
        self._buffers = iter(buffers) if buffers is not None else None
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = fix_imports
        self.proto = 0
        self.memo = {}
        self._frame = None
        self._frame_pos = 0

    def _read(self, n):
        frame = self._frame
        if frame is not None:
            pos = self._frame_pos
            if pos + n <= len(frame):
                self._frame_pos = pos + n
                return frame[pos:pos + n]
            if pos < len(frame):
                raise UnpicklingError('pickle exhausted before end of frame')
            self._frame = None
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError('pickle data was truncated')
        return data

    def _readline(self):
        frame = self._frame
        if frame is not None:
            pos = self._frame_pos
            end = frame.find(b'\n', pos)
            if end >= 0:
                self._frame_pos = end + 1
                return frame[pos:end + 1]
            self._frame = None
        line = self._file_readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError('pickle data was truncated')
        return line

    def load(self):
        """Reads one pickled object from the file and returns it."""
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        first = True
        dispatch = self.dispatch
        try:
            while True:
                if self._frame is not None and self._frame_pos < len(self._frame):
                    key = self._frame[self._frame_pos]
                    self._frame_pos += 1
                else:
                    self._frame = None
                    data = self._file_read(1)
                    if not data:
                        if first:
                            raise EOFError('Ran out of input')
                        raise UnpicklingError('pickle data was truncated')
                    key = data[0]
                first = False
                handler = dispatch.get(key)
                if handler is None:
                    if 32 < key < 127:
                        raise UnpicklingError("invalid load key, '%s'." % chr(key))
                    raise UnpicklingError("invalid load key, '\\x%02x'." % key)
                handler(self)
        except _Stop as stop:
            return stop.value

    def pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError('unsupported persistent id encountered')

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            module = _IMPORT_MAPPING.get(module, module)
        if module == '_codecs' and name == 'encode' and '_codecs' not in sys.modules:
            # protocol 2 pickles bytes as _codecs.encode(text, 'latin1'); no _codecs module needed
            return _codecs_encode
        __import__(module)
        target = sys.modules[module]
        if self.proto >= 4:
            try:
                return _lookup_qualname(target, name)[0]
            except AttributeError:
                raise AttributeError("Can't get attribute '%s' on %r" % (name, target)) from None
        try:
            return getattr(target, name)
        except AttributeError:
            raise AttributeError("Can't get attribute '%s' on %r" % (name, target)) from None

    def _decode_string(self, value):
        if self.encoding == 'bytes':
            return value
        return value.decode(self.encoding, self.errors)

    # --- opcode handlers

    def load_proto(self):
        proto = self._read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError('unsupported pickle protocol: %d' % proto)
        self.proto = proto

    def load_frame(self):
        size = int.from_bytes(self._read(8), 'little')
        if self._frame is not None and self._frame_pos < len(self._frame):
            raise UnpicklingError('beginning of a new frame before end of current frame')
        self._frame = None
        data = self._file_read(size)
        if len(data) < size:
            raise UnpicklingError('pickle data was truncated')
        self._frame = data
        self._frame_pos = 0

    def load_persid(self):
        pid = self._readline()[:-1].decode('ascii')
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self.stack.pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self._readline()
        if data == b'00\n':
            value = False
        elif data == b'01\n':
            value = True
        else:
            value = int(data, 0)
        self.append(value)

    def load_binint(self):
        self.append(int.from_bytes(self._read(4), 'little', signed=True))

    def load_binint1(self):
        self.append(self._read(1)[0])

    def load_binint2(self):
        self.append(int.from_bytes(self._read(2), 'little'))

    def load_long(self):
        value = self._readline()[:-1]
        if value and value[-1:] == b'L':
            value = value[:-1]
        self.append(int(value, 0))

    def load_long1(self):
        n = self._read(1)[0]
        self.append(decode_long(self._read(n)))

    def load_long4(self):
        n = int.from_bytes(self._read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError('LONG pickle has negative byte count')
        self.append(decode_long(self._read(n)))

    def load_float(self):
        self.append(float(self._readline()[:-1]))

    def load_binfloat(self):
        self.append(_float_from_bytes(self._read(8)))

    def load_string(self):
        data = self._readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError('the STRING opcode argument must be quoted')
        self.append(self._decode_string(_unescape_bytes(data)))

    def load_binstring(self):
        n = int.from_bytes(self._read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError('BINSTRING pickle has negative byte count')
        self.append(self._decode_string(self._read(n)))

    def load_short_binstring(self):
        n = self._read(1)[0]
        self.append(self._decode_string(self._read(n)))

    def load_binbytes(self):
        n = int.from_bytes(self._read(4), 'little')
        self.append(bytes(self._read(n)))

    def load_short_binbytes(self):
        n = self._read(1)[0]
        self.append(bytes(self._read(n)))

    def load_binbytes8(self):
        n = int.from_bytes(self._read(8), 'little')
        self.append(bytes(self._read(n)))

    def load_bytearray8(self):
        n = int.from_bytes(self._read(8), 'little')
        self.append(bytearray(self._read(n)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError('pickle stream refers to out-of-band data but no *buffers* argument was given')
        try:
            buffer = next(self._buffers)
        except StopIteration:
            raise UnpicklingError('not enough out-of-band buffers') from None
        self.append(buffer)

    def load_readonly_buffer(self):
        pass

    def load_unicode(self):
        self.append(self._readline()[:-1].decode('raw-unicode-escape'))

    def load_binunicode(self):
        n = int.from_bytes(self._read(4), 'little')
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n = int.from_bytes(self._read(8), 'little')
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self._read(1)[0]
        self.append(str(self._read(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        self.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})

    def _instantiate(self, klass, args):
        if args or not isinstance(klass, type) or hasattr(klass, '__getinitargs__'):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError('in constructor for %s: %s' % (klass.__name__, str(err))) from None
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self._readline()[:-1].decode('ascii')
        name = self._readline()[:-1].decode('ascii')
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = self._readline()[:-1].decode('utf-8')
        name = self._readline()[:-1].decode('utf-8')
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError('STACK_GLOBAL requires str')
        self.append(self.find_class(module, name))

    def _load_extension(self, code):
        key = copyreg._inverted_registry.get(code)
        if not key:
            raise ValueError('unregistered extension code %d' % code)
        obj = copyreg._extension_cache.get(code)
        if obj is None:
            obj = self.find_class(*key)
            copyreg._extension_cache[code] = obj
        self.append(obj)

    def load_ext1(self):
        self._load_extension(self._read(1)[0])

    def load_ext2(self):
        self._load_extension(int.from_bytes(self._read(2), 'little'))

    def load_ext4(self):
        self._load_extension(int.from_bytes(self._read(4), 'little', signed=True))

    def load_reduce(self):
        args = self.stack.pop()
        func = self.stack[-1]
        self.stack[-1] = func(*args)

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        else:
            self.pop_mark()

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self.stack[-1])

    def _memo_get(self, index):
        try:
            self.append(self.memo[index])
        except KeyError:
            raise UnpicklingError('Memo value not found at index %d' % index) from None

    def load_get(self):
        self._memo_get(int(self._readline()[:-1]))

    def load_binget(self):
        self._memo_get(self._read(1)[0])

    def load_long_binget(self):
        self._memo_get(int.from_bytes(self._read(4), 'little'))

    def load_put(self):
        index = int(self._readline()[:-1])
        if index < 0:
            raise ValueError('negative PUT argument')
        self.memo[index] = self.stack[-1]

    def load_binput(self):
        self.memo[self._read(1)[0]] = self.stack[-1]

    def load_long_binput(self):
        self.memo[int.from_bytes(self._read(4), 'little')] = self.stack[-1]

    def load_memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]

    def load_append(self):
        value = self.stack.pop()
        self.stack[-1].append(value)

    def load_appends(self):
        items = self.pop_mark()
        target = self.stack[-1]
        if isinstance(target, list):
            target.extend(items)
        else:
            append = target.append
            for item in items:
                append(item)

    def load_setitem(self):
        value = self.stack.pop()
        key = self.stack.pop()
        self.stack[-1][key] = value

    def load_setitems(self):
        items = self.pop_mark()
        target = self.stack[-1]
        for i in range(0, len(items), 2):
            target[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        target = self.stack[-1]
        if isinstance(target, (set, frozenset)):
            target.update(items)
        else:
            for item in items:
                target.add(item)

    def load_build(self):
        state = self.stack.pop()
        inst = self.stack[-1]
        setstate = getattr(inst, '__setstate__', None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for key, value in state.items():
                if type(key) is str:
                    key = sys.intern(key) if hasattr(sys, 'intern') else key
                inst_dict[key] = value
        if slotstate:
            for key, value in slotstate.items():
                setattr(inst, key, value)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        raise _Stop(self.stack.pop())

    dispatch = {}


_OPCODE_HANDLERS = {
    PROTO: 'load_proto', FRAME: 'load_frame', PERSID: 'load_persid', BINPERSID: 'load_binpersid',
    NONE: 'load_none', NEWFALSE: 'load_false', NEWTRUE: 'load_true', INT: 'load_int',
    BININT: 'load_binint', BININT1: 'load_binint1', BININT2: 'load_binint2', LONG: 'load_long',
    LONG1: 'load_long1', LONG4: 'load_long4', FLOAT: 'load_float', BINFLOAT: 'load_binfloat',
    STRING: 'load_string', BINSTRING: 'load_binstring', SHORT_BINSTRING: 'load_short_binstring',
    BINBYTES: 'load_binbytes', SHORT_BINBYTES: 'load_short_binbytes', BINBYTES8: 'load_binbytes8',
    BYTEARRAY8: 'load_bytearray8', NEXT_BUFFER: 'load_next_buffer', READONLY_BUFFER: 'load_readonly_buffer',
    UNICODE: 'load_unicode', BINUNICODE: 'load_binunicode', BINUNICODE8: 'load_binunicode8',
    SHORT_BINUNICODE: 'load_short_binunicode', TUPLE: 'load_tuple', EMPTY_TUPLE: 'load_empty_tuple',
    TUPLE1: 'load_tuple1', TUPLE2: 'load_tuple2', TUPLE3: 'load_tuple3', EMPTY_LIST: 'load_empty_list',
    EMPTY_DICT: 'load_empty_dictionary', EMPTY_SET: 'load_empty_set', FROZENSET: 'load_frozenset',
    LIST: 'load_list', DICT: 'load_dict', INST: 'load_inst', OBJ: 'load_obj', NEWOBJ: 'load_newobj',
    NEWOBJ_EX: 'load_newobj_ex', GLOBAL: 'load_global', STACK_GLOBAL: 'load_stack_global',
    EXT1: 'load_ext1', EXT2: 'load_ext2', EXT4: 'load_ext4', REDUCE: 'load_reduce', POP: 'load_pop',
    POP_MARK: 'load_pop_mark', DUP: 'load_dup', GET: 'load_get', BINGET: 'load_binget',
    LONG_BINGET: 'load_long_binget', PUT: 'load_put', BINPUT: 'load_binput',
    LONG_BINPUT: 'load_long_binput', MEMOIZE: 'load_memoize', APPEND: 'load_append',
    APPENDS: 'load_appends', SETITEM: 'load_setitem', SETITEMS: 'load_setitems',
    ADDITEMS: 'load_additems', BUILD: 'load_build', MARK: 'load_mark', STOP: 'load_stop',
}
for _opcode, _name in _OPCODE_HANDLERS.items():
    Unpickler.dispatch[_opcode[0]] = getattr(Unpickler, _name)
del _opcode, _name


class _BytesReader:
    """read/readline over a bytes-like object (loads)."""

    def __init__(self, data):
        self._data = bytes(data)
        self._pos = 0

    def read(self, n=-1):
        pos = self._pos
        if n < 0:
            n = len(self._data) - pos
        self._pos = min(pos + n, len(self._data))
        return self._data[pos:self._pos]

    def readline(self):
        pos = self._pos
        end = self._data.find(b'\n', pos)
        self._pos = len(self._data) if end < 0 else end + 1
        return self._data[pos:self._pos]


class _BytesWriter:
    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(data)
        return len(data)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Writes the pickle of obj to the binary file."""
    Pickler(file, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """The pickle of obj as bytes."""
    out = _BytesWriter()
    Pickler(out, protocol, fix_imports=fix_imports, buffer_callback=buffer_callback).dump(obj)
    return b''.join(out.chunks)


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    """Reads one pickled object from the binary file."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding, errors=errors, buffers=buffers).load()


def loads(data, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    """The object pickled in data (bytes-like)."""
    if isinstance(data, str):
        raise TypeError("Can't load pickle from unicode string")
    return Unpickler(_BytesReader(data), fix_imports=fix_imports, encoding=encoding, errors=errors,
                     buffers=buffers).load()
