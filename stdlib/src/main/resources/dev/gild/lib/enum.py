"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, with CPython 3.11's reprs,
str()/format() behaviour and lookup errors."""

import sys

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum", "auto", "unique",
           "property", "verify", "member", "nonmember", "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP",
           "global_flag_repr", "global_enum_repr", "global_str", "global_enum", "EnumCheck", "CONTINUOUS",
           "NAMED_FLAGS", "UNIQUE", "pickle_by_global_name", "pickle_by_enum_name"]

_auto_null = object()


class auto:
    """Placeholder for a member value computed by _generate_next_value_."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f"auto({self.value!r})"

    # Gild runs class bodies in a plain dict, so auto() values are only known once the class is
    # built: combinations of them (RW = R | W in a Flag) are kept as deferred expressions.
    def __or__(self, other):
        return _Deferred(int.__or__, self, other)

    def __and__(self, other):
        return _Deferred(int.__and__, self, other)

    def __xor__(self, other):
        return _Deferred(int.__xor__, self, other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class _Deferred(auto):
    """An operation on auto() values, evaluated when the enum class is created."""

    def __init__(self, op, left, right):
        super().__init__()
        self.op = op
        self.left = left
        self.right = right

    def resolve(self):
        left = self.left.resolve() if isinstance(self.left, _Deferred) else \
            self.left.value if isinstance(self.left, auto) else self.left
        right = self.right.resolve() if isinstance(self.right, _Deferred) else \
            self.right.value if isinstance(self.right, auto) else self.right
        return self.op(left, right)


class member:
    """Forces an attribute to become a member (e.g. a function)."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an attribute from becoming a member."""

    def __init__(self, value):
        self.value = value


from types import DynamicClassAttribute as property


def _is_descriptor(obj):
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1:2] != "_" and name[-2:-1] != "_"


def _is_private(cls_name, name):
    pattern = f"_{cls_name.lstrip('_')}__"
    return len(name) > len(pattern) and name.startswith(pattern) and not name.endswith("__")


class FlagBoundary:
    """How Flag handles values with bits no member covers."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"<FlagBoundary.{self.name}: {self.name.lower()!r}>"


STRICT = FlagBoundary("STRICT")
CONFORM = FlagBoundary("CONFORM")
EJECT = FlagBoundary("EJECT")
KEEP = FlagBoundary("KEEP")


class EnumCheck:
    def __init__(self, name):
        self.name = name


CONTINUOUS = EnumCheck("CONTINUOUS")
NAMED_FLAGS = EnumCheck("NAMED_FLAGS")
UNIQUE = EnumCheck("UNIQUE")


def _bits(value):
    return bin(value)[2:] if value >= 0 else bin(value)[3:]


class EnumType(type):
    """Metaclass of Enum: turns the class body's plain attributes into members."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        members = {}
        body = {}
        for key, value in classdict.items():
            if key in ignore or key == "_ignore_":
                continue
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                members[key] = value.value
            elif _is_dunder(key) or _is_sunder(key) or _is_private(cls, key) or _is_descriptor(value):
                if _is_sunder(key) and key not in ("_order_", "_generate_next_value_", "_missing_", "_ignore_",
                                                   "_numeric_repr_", "_iter_member_", "_iter_member_by_value_",
                                                   "_iter_member_by_def_", "_value_", "_name_", "_new_member_"):
                    raise ValueError(f"_sunder_ names, such as {key!r}, are reserved for future Enum use")
                body[key] = value
            else:
                members[key] = value
        for name in members:
            for base in bases:
                base_members = getattr(base, "_member_map_", {})
                if base_members:
                    raise TypeError(f"{cls!r} cannot extend {base!r}")
        body["_new_member_"] = None
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        enum_class._unhashable_values_ = []
        enum_class._member_type_ = member_type
        enum_class._boundary_ = boundary or getattr(first_enum, "_boundary_", None)
        enum_class._flag_mask_ = 0
        enum_class._all_bits_ = 0
        enum_class._singles_mask_ = 0

        # Members are made by the class's own __new__, else the nearest base's member
        # constructor; then Enum.__new__ (the value lookup) takes __new__'s place.
        new = body.get("__new__")
        if Enum is None:
            new = object.__new__
        elif new is None:
            for base in enum_class.__mro__[1:]:
                if isinstance(base, EnumType):
                    candidate = base.__dict__.get("_new_member_")
                else:
                    candidate = base.__dict__.get("__new__")
                if candidate is not None:
                    new = candidate
                    break
        if isinstance(new, staticmethod):
            new = new.__func__
        enum_class._new_member_ = new
        enum_class._use_args_ = member_type is not object or "__new__" in body

        generate = enum_class._generate_next_value_
        last_values = []
        for count, (name, value) in enumerate(members.items()):
            if isinstance(value, _Deferred):
                value = value.resolve()
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(name, 1, count, last_values[:])
                value = value.value
            enum_class._add_member_(name, value)
            last_values.append(value)

        if Enum is not None:
            type.__setattr__(enum_class, "__new__", Enum.__dict__["__new__"])
            # A mixed-in data type's repr/str/format must not hide the enum's own.
            for method in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if method in body:
                    continue
                found = getattr(enum_class, method)
                if found is getattr(object, method) or found is getattr(member_type, method):
                    type.__setattr__(enum_class, method, getattr(first_enum, method))
        if Flag is not None and issubclass(enum_class, Flag):
            for m in enum_class._member_map_.values():
                v = m._value_
                if isinstance(v, int):
                    enum_class._flag_mask_ |= v
                    if v and v & (v - 1) == 0:
                        enum_class._singles_mask_ |= v
            enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1
        return enum_class

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        new = cls._new_member_
        if not cls._use_args_:
            enum_member = new(cls)
        else:
            enum_member = new(cls, *args)
        if not hasattr(enum_member, "_value_"):
            if cls._member_type_ is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = cls._member_type_(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member._sort_order_ = len(cls._member_names_)
        init = next((b.__dict__["__init__"] for b in cls.__mro__ if "__init__" in b.__dict__), None)
        if hasattr(init, "__code__"):
            init(enum_member, *args)
        # An alias: a later name whose value equals an earlier member's.
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                enum_member = existing
                break
        else:
            # Flag members of several bits are aliases of the combination: not iterated.
            is_flag = Flag is not None and issubclass(cls, Flag) and isinstance(value, int)
            if not is_flag or value and value & (value - 1) == 0:
                cls._member_names_.append(name)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)
        type.__setattr__(cls, name, enum_member)

    @staticmethod
    def _get_mixins_(class_name, bases):
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] "
                            "enum_type)`")
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object or isinstance(base, EnumType):
                    continue
                if "__new__" in base.__dict__ or "__init__" in base.__dict__ or base in (int, str, float, bytes,
                                                                                            tuple, complex):
                    member_type = base
                    break
            if member_type is not object:
                break
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start,
                            boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals["__name__"]
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict["__module__"] = module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return value in cls._unhashable_values_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {attr!r}.")
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set(["__class__", "__contains__", "__doc__", "__getitem__", "__iter__", "__len__",
                           "__members__", "__module__", "__name__", "__qualname__"] + cls._member_names_)
        if cls._new_member_ is not object.__new__:
            interesting.add("__new__")
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add("__init_subclass__")
        return sorted(interesting)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        from types import MappingProxyType
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)


EnumMeta = EnumType
Enum = None
Flag = None
class Enum(metaclass=EnumType):
    """Base of enumerations: members are unique named constants; Color(1) and Color['RED'] look
    them up by value and by name."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if Flag is not None and issubclass(cls, Flag) and exc is None and result is None:
            exc = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        ve_exc = ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError(f"error in {cls.__name__}._missing_: returned {result!r} instead of None or a "
                            f"valid member")
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Default auto() values: one more than the last int value, or start."""
        if not last_values:
            return start
        try:
            last = sorted(last_values).pop()
        except TypeError:
            raise TypeError(f"unable to sort non-numeric values") from None
        try:
            return last + 1
        except TypeError:
            raise TypeError(f"unable to increment {last!r}") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ if hasattr(self.__class__, "_value_repr_") else None
        if v_repr is None:
            member_type = self._member_type_
            v_repr = repr if member_type is object else member_type.__repr__
        return f"<{self.__class__.__name__}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        return f"{self.__class__.__name__}.{self._name_}"

    def __dir__(self):
        names = {"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"}
        for cls in type(self).__mro__:
            if cls is Enum or cls is object:
                break
            for name, value in cls.__dict__.items():
                if not name.startswith("_") and name not in self._member_map_:
                    names.add(name)
        names.update(k for k in getattr(self, "__dict__", {}) if not k.startswith("_"))
        return sorted(names)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_


class ReprEnum(Enum):
    """An enum whose str() and format() are the mixed-in type's (IntEnum, StrEnum, IntFlag)."""

    def __str__(self):
        return self._member_type_.__str__(self._value_) if self._member_type_ is not object else Enum.__str__(self)

    def __format__(self, format_spec):
        return self._member_type_.__format__(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs; auto() gives the lower-cased member name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f"too many arguments for str(): {values!r}")
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f"{values[0]!r} is not a string")
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with | & ^ ~ into flag values."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError(f"invalid flag value {last_value!r}") from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        """Builds the pseudo-member of a combination of flags."""
        if not isinstance(value, int):
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            boundary = cls._boundary_
            if boundary is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(f"{cls!r} invalid value {value!r}\n    given {_bin(value, max_bits)}\n  "
                                 f"allowed {_bin(flag_mask, max_bits)}")
            if boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is not KEEP:
                raise ValueError(f"{cls.__name__!r} unknown flag boundary {boundary!r}")
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError(f"{cls.__name__}({value!r}) -->  unknown values {unknown!r} [{bin(unknown)}]")
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, "_value_"):
            pseudo_member._value_ = value
        if member_value:
            names = [m._name_ for m in cls._iter_by_value(member_value)]
            if unknown:
                names.append(hex(unknown) if cls._member_type_ is object else str(unknown))
            pseudo_member._name_ = "|".join(names)
        else:
            pseudo_member._name_ = None
        pseudo_member._sort_order_ = -1
        pseudo_member.__objclass__ = cls
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    @classmethod
    def _iter_by_value(cls, value):
        """The canonical (single-bit) members whose bits are in value, in definition order."""
        for name in cls._member_names_:
            member = cls._member_map_[name]
            v = member._value_
            if v and v & (v - 1) == 0 and v & value == v:
                yield member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': {type(other).__qualname__!r} and "
                            f"{self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self.__class__._iter_by_value(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = repr if self._member_type_ is object else self._member_type_.__repr__
        if self._name_ is None:
            return f"<{cls_name}: {v_repr(self._value_)}>"
        return f"<{cls_name}.{self._name_}: {v_repr(self._value_)}>"

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f"{cls_name}({self._value_!r})"
        return f"{cls_name}.{self._name_}"

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_ & self._flag_mask_)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


def _bin(value, max_bits):
    """bin() padded to max_bits, with CPython's 'sign bit' prefix: 0b0 1000."""
    ceiling = 2 ** max_bits
    if value >= 0:
        digits = bin(value)[2:].zfill(max_bits)
        return f"0b0 {digits}"
    digits = bin(~value ^ (ceiling - 1) + ceiling)[3:]
    return f"0b1 {digits}"


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are also ints; unknown bits are kept."""

    def __str__(self):
        return int.__repr__(self._value_)

    def __format__(self, format_spec):
        return int.__format__(self._value_, format_spec)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif isinstance(other, int):
            pass
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """Class decorator: ValueError when two names share a value."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join(f"{alias} -> {name}" for alias, name in duplicates)
        raise ValueError(f"duplicate values found in {enumeration!r}: {alias_details}")
    return enumeration


def verify(*checks):
    """Class decorator checking UNIQUE / CONTINUOUS / NAMED_FLAGS constraints."""
    def decorator(enumeration):
        for check in checks:
            if check is UNIQUE:
                unique(enumeration)
            elif check is CONTINUOUS:
                values = sorted(m.value for m in enumeration)
                if values:
                    missing = [v for v in range(values[0], values[-1] + 1) if v not in values]
                    if missing:
                        raise ValueError(f"invalid enum {enumeration.__name__!r}: missing values "
                                         f"{', '.join(map(str, missing))}")
        return enumeration
    return decorator


def global_enum_repr(self):
    return f"{self.__class__.__module__.split('.')[-1]}.{self._name_}"


def global_flag_repr(self):
    module = self.__class__.__module__.split(".")[-1]
    if self._name_ is None:
        return f"{module}.{self.__class__.__name__}({self._value_!r})"
    return "|".join(f"{module}.{name}" for name in self._name_.split("|"))


def global_str(self):
    if self._name_ is None:
        return f"{self.__class__.__name__}({self._value_!r})"
    return self._name_


def global_enum(cls, update_str=False):
    """Puts the members into the module's namespace, with module-level reprs."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)
