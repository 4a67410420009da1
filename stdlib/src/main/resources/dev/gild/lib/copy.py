"""Shallow and deep copy operations: copy(x), deepcopy(x, memo), with the __copy__ /
__deepcopy__ hooks and the __reduce_ex__ protocol for everything else."""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Immutable values: copies of them are the values themselves.
_ATOMIC = frozenset([type(None), int, float, bool, complex, str, bytes, type, range,
                     types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented), types.FunctionType,
                     property, type(len), types.CodeType])


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _default_reduce(x):
    """object.__reduce_ex__(4): (constructor, args, state, list items, dict items)."""
    cls = type(x)
    getnewargs = getattr(cls, "__getnewargs__", None)
    args = (cls,) + tuple(getnewargs(x)) if getnewargs is not None else (cls,)
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        state = getattr(x, "__dict__", None) or None
        slots = {}
        for klass in cls.__mro__:
            for name in klass.__dict__.get("__slots__", ()):
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    name = f"_{klass.__name__.lstrip('_')}{name}"
                try:
                    slots[name] = getattr(x, name)
                except AttributeError:
                    pass
        if slots:
            state = (state, slots)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, args, state, listitems, dictitems


def _reduce(x):
    cls = type(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None and reductor is not object.__reduce_ex__:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None and reductor is not getattr(object, "__reduce__", None):
        return x.__reduce__()
    if cls.__module__ == "builtins" and cls.__dict__.get("__dict__") is None and not isinstance(x, (list, dict)):
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    return _default_reduce(x)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    if cls is bytearray:
        return bytearray(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy, so shared and cyclic structures
    stay shared and cyclic."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        # A tuple whose items copied to themselves is itself (and may be in memo by now).
        if d in memo:
            y = memo[d]
        elif all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if isinstance(rv, str):
                return x
            y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keeps the originals alive while memo is: their ids must not be reused during the copy."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *extra):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(arg, memo) for arg in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    return y
