"""Heap queue algorithms on lists (min-heaps: heap[0] is the smallest item). The list operations
are Java, in _heapq."""

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heappop_max, _heapify_max, _heapreplace_max

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted iterator; stable (ties come from earlier inputs first)."""
    entries = []
    if reverse:
        push_heap, pop_heap, replace_heap, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        push_heap, pop_heap, replace_heap, direction = heapify, heappop, heapreplace, 1
    # Each entry is [sort key, input order, value, iterator]: the order breaks ties between inputs.
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        for value in it:
            entries.append([value if key is None else key(value), order * direction, value, it])
            break
    push_heap(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = next(entry[3])
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace_heap(entries, entry)
        except StopIteration:
            pop_heap(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def _select(n, iterable, key, largest):
    """The n smallest (or largest) items, stable for equal keys, via a bounded heap."""
    if n <= 0:
        return []
    it = iter(iterable)
    if key is None:
        key = _identity
    # Heap entries are (key, tiebreak, item); the tiebreak keeps the sort stable and never
    # compares items whose keys are equal.
    if largest:
        heap = []
        for order, item in zip(range(0, -n, -1), it):
            heap.append((key(item), order, item))
        if not heap:
            return []
        heapify(heap)
        top = heap[0][0]
        order = -n
        for item in it:
            k = key(item)
            if top < k:
                heapreplace(heap, (k, order, item))
                top = heap[0][0]
                order -= 1
        heap.sort(reverse=True)
    else:
        heap = []
        for order, item in zip(range(n), it):
            heap.append((key(item), order, item))
        if not heap:
            return []
        _heapify_max(heap)
        top = heap[0][0]
        order = n
        for item in it:
            k = key(item)
            if k < top:
                _heapreplace_max(heap, (k, order, item))
                top = heap[0][0]
                order += 1
        heap.sort()
    return [entry[2] for entry in heap]


def _identity(x):
    return x


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    return _select(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    return _select(n, iterable, key, True)
