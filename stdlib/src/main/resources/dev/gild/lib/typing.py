"""Type hints at run time: the names of typing, usable in annotations, subscriptions, isinstance
checks against the ABC aliases, Generic/Protocol bases, NamedTuple and TypedDict classes. Nothing
is type-checked."""

import collections
import collections.abc
import functools
import sys
import types

__all__ = ["Annotated", "Any", "Callable", "ClassVar", "Concatenate", "Final", "ForwardRef", "Generic", "Literal",
           "Optional", "ParamSpec", "Protocol", "Tuple", "Type", "TypeVar", "TypeVarTuple", "Union",
           "AbstractSet", "ByteString", "Container", "ContextManager", "Hashable", "ItemsView", "Iterable",
           "Iterator", "KeysView", "Mapping", "MappingView", "MutableMapping", "MutableSequence", "MutableSet",
           "Sequence", "Sized", "ValuesView", "Awaitable", "AsyncIterator", "AsyncIterable", "Coroutine",
           "Collection", "AsyncGenerator", "AsyncContextManager", "Reversible", "SupportsAbs", "SupportsBytes",
           "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "ChainMap",
           "Counter", "Deque", "Dict", "DefaultDict", "List", "OrderedDict", "Set", "FrozenSet", "NamedTuple",
           "TypedDict", "Generator", "BinaryIO", "IO", "Match", "Pattern", "TextIO", "AnyStr", "assert_type",
           "assert_never", "cast", "clear_overloads", "dataclass_transform", "final", "get_args", "get_origin",
           "get_overloads", "get_type_hints", "is_typeddict", "LiteralString", "Never", "NewType",
           "no_type_check", "no_type_check_decorator", "NoReturn", "NotRequired", "overload", "ParamSpecArgs",
           "ParamSpecKwargs", "Required", "reveal_type", "runtime_checkable", "Self", "Text", "TYPE_CHECKING",
           "TypeAlias", "TypeGuard", "Unpack"]

TYPE_CHECKING = False


def _type_repr(obj):
    """How typing shows a type inside a subscription: int, typing.List[int], ~T, ..."""
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    if obj is type(None):
        return "NoneType"
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _Final:
    """Marks typing's internal classes, which are not meant to be subclassed."""
    __slots__ = ()


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, ...: names that are subscripted, never instantiated."""

    def __init__(self, name, doc, getitem=None):
        self._name = name
        self.__doc__ = doc
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Compatible with every type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _type_check(p, "Union[arg, ...]: each arg must be a type.")
        if isinstance(p, _UnionGenericAlias):
            items = p.__args__
        elif isinstance(p, types.UnionType) if hasattr(types, "UnionType") else False:
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(Union, tuple(flat))


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, "Optional[t] requires a single type.")
    return Union[arg, type(None)]


def _simple_getitem(self, parameters):
    item = _type_check(parameters, f"{self} accepts only single type.")
    return _GenericAlias(self, (item,))


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(self, parameters)


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    return _AnnotatedAlias(params[0], tuple(params[1:]))


def _concatenate_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


Union = _SpecialForm("Union", "Union type; Union[X, Y] means either X or Y.", _union_getitem)
Optional = _SpecialForm("Optional", "Optional[X] is equivalent to Union[X, None].", _optional_getitem)
ClassVar = _SpecialForm("ClassVar", "Marks a class variable.", _simple_getitem)
Final = _SpecialForm("Final", "A name that cannot be re-assigned.", _simple_getitem)
Literal = _SpecialForm("Literal", "A literal value type.", _literal_getitem)
TypeAlias = _SpecialForm("TypeAlias", "Marks an explicit type alias.")
TypeGuard = _SpecialForm("TypeGuard", "A user-defined type guard.", _simple_getitem)
Required = _SpecialForm("Required", "A required key of a TypedDict.", _simple_getitem)
NotRequired = _SpecialForm("NotRequired", "A key of a TypedDict that may be missing.", _simple_getitem)
Unpack = _SpecialForm("Unpack", "Unpacks a TypeVarTuple.", _simple_getitem)
Concatenate = _SpecialForm("Concatenate", "Concatenates a ParamSpec with types.", _concatenate_getitem)
NoReturn = _SpecialForm("NoReturn", "A function that never returns.")
Never = _SpecialForm("Never", "The bottom type.")
Self = _SpecialForm("Self", "The type of the enclosing class's instances.")
LiteralString = _SpecialForm("LiteralString", "A string built from literals.")
Annotated = _SpecialForm("Annotated", "A type with context-specific metadata.", _annotated_getitem)


class _GenericAlias(_Final):
    """A subscripted generic: List[int], Dict[str, int], Callable[[int], str], MyGeneric[T]."""

    def __init__(self, origin, args, *, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is Ellipsis else a for a in args)
        self.__parameters__ = tuple(a for a in args if isinstance(a, TypeVar))
        self._name = name
        self._inst = inst

    def __repr__(self):
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if not self.__args__:
            return f"{name}[()]"
        return f"{name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        substitution = dict(zip(self.__parameters__, params))
        new_args = tuple(substitution.get(a, a) if isinstance(a, TypeVar) else a for a in self.__args__)
        return self.__class__(self.__origin__, new_args, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if origin is Generic or origin is Protocol:
            for b in bases:
                if b is not self and (isinstance(b, type) and issubclass(b, origin) or
                                      isinstance(b, _GenericAlias) and b.__origin__ is origin and b is not self):
                    return ()
        return (origin,)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self.__class__, (self.__origin__, self.__args__)


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        return f"typing.Union[{', '.join(_type_repr(a) for a in args)}]"

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return any(isinstance(obj, a) for a in self.__args__ if isinstance(a, type))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, a) for a in self.__args__ if isinstance(a, type))

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _LiteralGenericAlias(_GenericAlias):
    def __repr__(self):
        return f"typing.Literal[{', '.join(repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {', '.join(repr(a) for a in self.__metadata__)}]"

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f"typing.Callable[..., {_type_repr(args[1])}]"
        return f"typing.Callable[[{', '.join(_type_repr(a) for a in args[:-1])}], {_type_repr(args[-1])}]"


class _SpecialGenericAlias(_Final):
    """An unsubscripted alias of a builtin or ABC: typing.List, typing.Iterable, ..."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        self.__origin__ = origin
        self._nparams = nparams
        self._inst = inst
        self._name = name or origin.__name__

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "") for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self}; "
                            f"actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash(self.__origin__)

    def __reduce__(self):
        return self._name


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is Ellipsis:
            params = (..., result)
        else:
            if not isinstance(args, list):
                raise TypeError(f"Callable[args, result]: args must be a list. Got {args}")
            params = tuple(args) + (result,)
        return _CallableGenericAlias(self.__origin__, params, name="Callable")


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            return _GenericAlias(tuple, params, name="Tuple")
        return _GenericAlias(tuple, tuple(_type_check(p, "") for p in params), name="Tuple")


Hashable = _SpecialGenericAlias(collections.abc.Hashable, 0)
Awaitable = _SpecialGenericAlias(collections.abc.Awaitable, 1)
Coroutine = _SpecialGenericAlias(collections.abc.Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(collections.abc.AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(collections.abc.AsyncIterator, 1)
Iterable = _SpecialGenericAlias(collections.abc.Iterable, 1)
Iterator = _SpecialGenericAlias(collections.abc.Iterator, 1)
Reversible = _SpecialGenericAlias(collections.abc.Reversible, 1)
Sized = _SpecialGenericAlias(collections.abc.Sized, 0)
Container = _SpecialGenericAlias(collections.abc.Container, 1)
Collection = _SpecialGenericAlias(collections.abc.Collection, 1)
Callable = _CallableType(collections.abc.Callable, 2)
AbstractSet = _SpecialGenericAlias(collections.abc.Set, 1, name="AbstractSet")
MutableSet = _SpecialGenericAlias(collections.abc.MutableSet, 1)
Mapping = _SpecialGenericAlias(collections.abc.Mapping, 2)
MutableMapping = _SpecialGenericAlias(collections.abc.MutableMapping, 2)
Sequence = _SpecialGenericAlias(collections.abc.Sequence, 1)
MutableSequence = _SpecialGenericAlias(collections.abc.MutableSequence, 1)
ByteString = _SpecialGenericAlias(collections.abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name="Tuple")
List = _SpecialGenericAlias(list, 1, inst=False, name="List")
Deque = _SpecialGenericAlias(collections.deque, 1, name="Deque")
Set = _SpecialGenericAlias(set, 1, inst=False, name="Set")
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name="FrozenSet")
MappingView = _SpecialGenericAlias(collections.abc.MappingView, 1)
KeysView = _SpecialGenericAlias(collections.abc.KeysView, 1)
ItemsView = _SpecialGenericAlias(collections.abc.ItemsView, 2)
ValuesView = _SpecialGenericAlias(collections.abc.ValuesView, 1)
Dict = _SpecialGenericAlias(dict, 2, inst=False, name="Dict")
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name="DefaultDict")
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2)
Counter = _SpecialGenericAlias(collections.Counter, 1)
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2)
Generator = _SpecialGenericAlias(collections.abc.Generator, 3)
AsyncGenerator = _SpecialGenericAlias(collections.abc.AsyncGenerator, 2)
Type = _SpecialGenericAlias(type, 1, inst=False, name="Type")
Text = str


def _context_manager_abc():
    import contextlib
    return contextlib.AbstractContextManager


class _LazyContextManager(_SpecialGenericAlias):
    """ContextManager, resolved on first use so typing does not import contextlib eagerly."""

    def __init__(self, name):
        self._name = name
        self._nparams = 1
        self._inst = False

    @property
    def __origin__(self):
        return _context_manager_abc()


ContextManager = _LazyContextManager("ContextManager")
AsyncContextManager = _SpecialForm("AsyncContextManager", "An asynchronous context manager.", _simple_getitem)


# ---------------------------------------------------------------- TypeVar, ParamSpec

class TypeVar(_Final):
    """A type variable: T = TypeVar('T'), optionally bound or constrained."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__constraints__ = tuple(constraints)
        self.__bound__ = bound
        try:
            self.__module__ = sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            pass

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self.__name__

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVar")


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return "~" + self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


# ---------------------------------------------------------------- Generic, Protocol

class Generic:
    """Base of user-defined generic classes: class Stack(Generic[T])."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params and cls is not tuple:
            raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
        if cls in (Generic, Protocol):
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or "
                                    f"parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get("__orig_bases__", ()):
            if isinstance(base, _GenericAlias):
                for p in base.__parameters__:
                    if p not in params:
                        params.append(p)
        cls.__parameters__ = tuple(params)


def _get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ("Protocol", "Generic"):
            continue
        annotations = getattr(base, "__annotations__", {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith("_abc_") and attr not in (
                    "__abstractmethods__", "__annotations__", "__weakref__", "_is_protocol", "_is_runtime_protocol",
                    "__dict__", "__args__", "__slots__", "__next_in_mro__", "__parameters__", "__origin__",
                    "__orig_bases__", "__extra__", "__tree_hash__", "__doc__", "__subclasshook__", "__init__",
                    "__new__", "__module__", "_MutableMapping__marker", "__qualname__", "__match_args__",
                    "__class_getitem__", "__init_subclass__"):
                attrs.add(attr)
    return attrs


class _ProtocolMeta(type(collections.abc.Iterable)):
    def __instancecheck__(cls, instance):
        if getattr(cls, "_is_protocol", False):
            if not getattr(cls, "_is_runtime_protocol", False):
                raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or getattr(instance, attr) is not None)
                   for attr in _get_protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base of structural types: a class is a subtype when it has the protocol's members."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get("_is_protocol", False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get("_is_protocol", False):
                return NotImplemented
            if not getattr(cls, "_is_runtime_protocol", False):
                raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
            for attr in _get_protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return NotImplemented
                        break
                else:
                    return NotImplemented
            return True

        if "__subclasshook__" not in cls.__dict__:
            cls.__subclasshook__ = classmethod(lambda c, other: _proto_hook(other))
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init

    def __init__(self, *args, **kwargs):
        if type(self)._is_protocol:
            raise TypeError("Protocols cannot be instantiated")


def _no_init_or_replace_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError("Protocols cannot be instantiated")


def runtime_checkable(cls):
    """Allows isinstance/issubclass checks against a Protocol class."""
    if not issubclass(cls, Generic) or not getattr(cls, "_is_protocol", False):
        raise TypeError(f"@runtime_checkable can be only applied to protocol classes, got {cls!r}")
    cls._is_runtime_protocol = True
    return cls


class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self):
        pass


class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self):
        pass


class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self):
        pass


class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self):
        pass


class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self):
        pass


class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self):
        pass


class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self, ndigits=0):
        pass


for _proto in (SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex, SupportsAbs,
               SupportsRound):
    runtime_checkable(_proto)
del _proto


# ---------------------------------------------------------------- NamedTuple, TypedDict

def _make_nmtuple(name, fields, module, defaults=()):
    fields = [(n, t) for n, t in fields]
    nm_tpl = collections.namedtuple(name, [n for n, t in fields], defaults=defaults, module=module)
    nm_tpl.__annotations__ = nm_tpl.__new__.__annotations__ = dict(fields)
    return nm_tpl


_prohibited = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                         "_make", "_replace", "_asdict", "_source"})
_special = frozenset({"__module__", "__name__", "__annotations__", "__qualname__", "__doc__"})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types_ = ns.get("__annotations__", {})
        default_names = []
        for field_name in types_:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} {', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types_.items(), defaults=[ns[n] for n in default_names],
                               module=ns.get("__module__", "__main__"))
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed namedtuple: class P(NamedTuple): x: int, or NamedTuple('P', [('x', int)])."""
    if fields is None:
        fields = kwargs.items()
    try:
        module = sys._getframe(1).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        module = None
    return _make_nmtuple(typename, fields, module=module)


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        own_annotations = ns.get("__annotations__", {})
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            required_keys.update(base.__dict__.get("__required_keys__", ()))
            optional_keys.update(base.__dict__.get("__optional_keys__", ()))
        annotations.update(own_annotations)
        for annotation_key, annotation_type in own_annotations.items():
            origin = getattr(annotation_type, "__origin__", None)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(annotation_key)
            else:
                optional_keys.add(annotation_key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with a fixed set of typed keys; at run time instances are plain dicts."""
    if fields is None:
        fields = kwargs
    ns = {"__annotations__": dict(fields)}
    try:
        ns["__module__"] = sys._getframe(1).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        pass
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, "TypedDict", (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


# ---------------------------------------------------------------- functions

def cast(typ, val):
    """Returns val unchanged; tells a type checker its type."""
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + "..."
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError("You should not call an overloaded function. A series of @typing.overload-"
                              "decorated functions outside a stub module should always be followed by an "
                              "implementation that is not @overload-ed.")


def overload(func):
    """Marks an overload signature; the undecorated definition that follows is the one called."""
    key = getattr(func, "__qualname__", None)
    if key is not None:
        _overload_registry.setdefault((getattr(func, "__module__", None), key), []).append(func)
    return _overload_dummy


def get_overloads(func):
    return list(_overload_registry.get((getattr(func, "__module__", None), getattr(func, "__qualname__", None)),
                                       []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        return no_type_check(func)
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False, field_specifiers=(),
                        **kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {"eq_default": eq_default, "order_default": order_default,
                                             "kw_only_default": kw_only_default,
                                             "field_specifiers": field_specifiers, "kwargs": kwargs}
        return cls_or_fn
    return decorator


class NewType:
    """A distinct name for a type, for type checkers; at run time calling it returns its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        try:
            self.__module__ = sys._getframe(1).f_globals.get("__name__", "__main__")
        except (AttributeError, ValueError):
            pass

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ForwardRef(_Final):
    """A type written as a string, to be evaluated later."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


def get_origin(tp):
    """List[int] -> list, Union[int, str] -> Union, Annotated[int, x] -> Annotated; None otherwise."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if isinstance(tp, types.GenericAlias):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """The arguments of a subscripted type: Dict[str, int] -> (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class (through its MRO), function or module, with strings evaluated."""
    def evaluate(value, globalns, localns):
        if value is None:
            return type(None)
        if isinstance(value, str):
            value = ForwardRef(value)
        if isinstance(value, ForwardRef):
            return value._evaluate(globalns, localns)
        if not include_extras and isinstance(value, _AnnotatedAlias):
            return value.__origin__
        return value

    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            base_globals = globalns
            if base_globals is None:
                module = sys.modules.get(base.__module__)
                base_globals = getattr(module, "__dict__", {})
            ann = base.__dict__.get("__annotations__", {})
            for name, value in ann.items():
                hints[name] = evaluate(value, base_globals, dict(vars(base)) if localns is None else localns)
        return hints
    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, "__wrapped__"):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, "__globals__", {})
    if localns is None:
        localns = globalns
    hints = getattr(obj, "__annotations__", None)
    if hints is None:
        if isinstance(obj, (types.FunctionType, types.ModuleType, type)):
            return {}
        raise TypeError(f"{obj!r} is not a module, class, method, or function.")
    return {name: evaluate(value, globalns, localns) for name, value in hints.items()}


# ---------------------------------------------------------------- IO, re

class IO(Generic[AnyStr]):
    """Generic base of file objects (annotation use only)."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    __slots__ = ()


class TextIO(IO[str]):
    __slots__ = ()


class _LazyReAlias(_Final):
    """typing.Pattern / typing.Match: aliases of re's classes, resolved on first use."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        import re
        origin = re.Pattern if self._name == "Pattern" else re.Match
        return _GenericAlias(origin, params, name=self._name)


Pattern = _LazyReAlias("Pattern")
Match = _LazyReAlias("Match")
