"""Names for the interpreter's built-in types, and SimpleNamespace, MappingProxyType,
new_class and the coroutine/generator helpers that make sense on Gild."""

import sys

__all__ = ["FunctionType", "LambdaType", "CodeType", "MappingProxyType", "SimpleNamespace", "GeneratorType",
           "MethodType", "BuiltinFunctionType", "BuiltinMethodType", "WrapperDescriptorType",
           "MethodWrapperType", "MethodDescriptorType", "ClassMethodDescriptorType", "ModuleType",
           "TracebackType", "FrameType", "GetSetDescriptorType", "MemberDescriptorType", "new_class",
           "resolve_bases", "prepare_class", "DynamicClassAttribute", "GenericAlias", "UnionType", "NoneType",
           "NotImplementedType", "EllipsisType", "CellType"]


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
MethodDescriptorType = type(str.join)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
ModuleType = type(sys)
FrameType = type(sys._getframe())
GetSetDescriptorType = type(FunctionType.__dict__["__code__"]) if "__code__" in FunctionType.__dict__ \
    else type(type.__dict__["__dict__"])
MemberDescriptorType = GetSetDescriptorType
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)
GenericAlias = type(list[int])
UnionType = type(int | str)


def _cell_factory():
    a = 1

    def f():
        return a
    return f.__closure__[0]


CellType = type(_cell_factory())

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    del _exc

del _f, _g, _C, _cell_factory


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        self.__dict__.update(dict(mapping_or_iterable))
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        if not _repr_enter(self):
            return f"{name}(...)"
        try:
            items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        finally:
            _repr_leave(self)
        return f"{name}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


_repr_running = set()


def _repr_enter(obj):
    key = id(obj)
    if key in _repr_running:
        return False
    _repr_running.add(key)
    return True


def _repr_leave(obj):
    _repr_running.discard(id(obj))


if type(type.__dict__) is not dict:
    MappingProxyType = type(type.__dict__)
else:
    class MappingProxyType:
        """A read-only view of a mapping."""

        __slots__ = ("_mapping",)

        def __init__(self, mapping):
            if not hasattr(mapping, "__getitem__") or not hasattr(mapping, "keys") or \
                    isinstance(mapping, (list, tuple)):
                raise TypeError(f"mappingproxy() argument must be a mapping, not {type(mapping).__name__}")
            object.__setattr__(self, "_mapping", mapping)

        def __getitem__(self, key):
            return self._mapping[key]

        def __contains__(self, key):
            return key in self._mapping

        def __iter__(self):
            return iter(self._mapping)

        def __len__(self):
            return len(self._mapping)

        def __reversed__(self):
            return reversed(self._mapping)

        def __eq__(self, other):
            return self._mapping == other

        def __or__(self, other):
            return dict(self._mapping) | other

        def __ror__(self, other):
            return other | dict(self._mapping)

        def get(self, key, default=None):
            return self._mapping.get(key, default)

        def keys(self):
            return self._mapping.keys()

        def values(self):
            return self._mapping.values()

        def items(self):
            return self._mapping.items()

        def copy(self):
            return self._mapping.copy()

        def __repr__(self):
            return f"mappingproxy({self._mapping!r})"

        def __setattr__(self, name, value):
            raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

    MappingProxyType.__name__ = "mappingproxy"
    MappingProxyType.__qualname__ = "mappingproxy"


def resolve_bases(bases):
    """Replaces bases that define __mro_entries__ by what it returns."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    return tuple(new_bases) if updated else bases


def prepare_class(name, bases=(), kwds=None):
    """The metaclass, namespace and remaining keywords a class statement would use."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        for base in bases:
            base_meta = type(base)
            if issubclass(meta, base_meta):
                continue
            if issubclass(base_meta, meta):
                meta = base_meta
                continue
            raise TypeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                            "subclass of the metaclasses of all its bases")
    if hasattr(meta, "__prepare__"):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Creates a class as a class statement would."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved_bases, ns, **kwds)


class DynamicClassAttribute(property):
    """A property on instances that falls through to the class's __getattr__ on the class."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            raise AttributeError()
        return super().__get__(instance, ownerclass)


def coroutine(func):
    """Generator-based coroutines are plain generators on Gild: returns func unchanged."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    return func
