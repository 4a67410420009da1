"""ThreadPool: the multiprocessing Pool interface (map, imap, apply, their async forms) with
worker threads instead of processes."""

import threading
import queue
from multiprocessing.context import TimeoutError

__all__ = ['ThreadPool', 'AsyncResult', 'ApplyResult', 'MapResult', 'IMapIterator']

RUN = 'RUN'
CLOSE = 'CLOSE'
TERMINATE = 'TERMINATE'


def _cpu_count():
    try:
        import os
    except ImportError:
        return None
    return os.cpu_count()


def _call(func, args, kwds):
    """(True, value) or (False, exception): how a task's outcome travels to its result object."""
    try:
        return True, func(*args, **kwds)
    except Exception as e:
        return False, e


def _chunk_call(func, chunk, star):
    try:
        if star:
            return True, [func(*args) for args in chunk]
        return True, [func(x) for x in chunk]
    except Exception as e:
        return False, e


class ApplyResult:
    """The pending result of an apply_async() call."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, outcome):
        self._success, self._value = outcome
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The pending result of map_async(): the chunks' lists put together in order; the first
    failing chunk's exception once every chunk is in."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._lock = threading.Lock()
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, outcome):
        success, result = outcome
        with self._lock:
            self._number_left -= 1
            if success and self._success:
                self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            elif not success and self._success:
                self._success = False
                self._value = result
            finished = self._number_left == 0
        if finished:
            if self._success and self._callback:
                self._callback(self._value)
            if not self._success and self._error_callback:
                self._error_callback(self._value)
            self._event.set()


class IMapIterator:
    """Results of imap() in input order, each as soon as it and those before it are in."""

    def __init__(self, pool, chunk_count):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._outcomes = {}
        self._chunk_count = chunk_count
        self._next_chunk = 0
        self._ready_items = []

    def __iter__(self):
        return self

    def _set(self, i, outcome):
        with self._cond:
            self._outcomes[i] = outcome
            self._cond.notify()

    def _take(self, timeout):
        with self._cond:
            if not self._cond.wait_for(lambda: self._next_chunk in self._outcomes, timeout):
                raise TimeoutError
            outcome = self._outcomes.pop(self._next_chunk)
            self._next_chunk += 1
            return outcome

    def next(self, timeout=None):
        while not self._ready_items:
            if self._next_chunk >= self._chunk_count:
                raise StopIteration
            success, value = self._take(timeout)
            if not success:
                raise value
            self._ready_items = list(reversed(value))
        return self._ready_items.pop()

    __next__ = next


class IMapUnorderedIterator(IMapIterator):
    """Results of imap_unordered(), chunk by chunk in the order the chunks finish."""

    def _take(self, timeout):
        with self._cond:
            if not self._cond.wait_for(lambda: self._outcomes, timeout):
                raise TimeoutError
            key = next(iter(self._outcomes))
            self._next_chunk += 1
            return self._outcomes.pop(key)


class ThreadPool:
    """A pool of worker threads taking tasks from one queue."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        if processes is None:
            processes = _cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._state = RUN
        self._tasks = queue.SimpleQueue()
        self._pool = []
        for _ in range(processes):
            worker = threading.Thread(target=self._work, args=(initializer, initargs), daemon=True)
            worker.start()
            self._pool.append(worker)

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} state={self._state} pool_size={len(self._pool)}>')

    def _work(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = self._tasks.get()
            if task is None or self._state == TERMINATE:
                return
            result, index, call, call_args = task
            result._set(index, call(*call_args))

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._tasks.put((result, 0, _call, (func, args, kwds)))
        return result

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(items) == 0:
            chunksize = 0
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)] if chunksize else []
        return items, chunksize, chunks

    def _map_async(self, func, iterable, chunksize, callback, error_callback, star):
        self._check_running()
        items, chunksize, chunks = self._chunks(iterable, chunksize)
        result = MapResult(self, chunksize, len(items), callback, error_callback)
        for i, chunk in enumerate(chunks):
            self._tasks.put((result, i, _chunk_call, (func, chunk, star)))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, None, None, False).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, callback, error_callback, False)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, None, None, True).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, callback, error_callback, True)

    def _imap(self, iterator_class, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        items = list(iterable)
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = iterator_class(self, len(chunks))
        for i, chunk in enumerate(chunks):
            self._tasks.put((result, i, _chunk_call, (func, chunk, False)))
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def close(self):
        """No more tasks: the workers finish the queued ones and stop."""
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._pool:
                self._tasks.put(None)

    def terminate(self):
        """Drops the queued tasks and stops the workers once their current task is done."""
        self._state = TERMINATE
        while True:
            try:
                self._tasks.get_nowait()
            except queue.Empty:
                break
        for _ in self._pool:
            self._tasks.put(None)
        current = threading.current_thread()
        for worker in self._pool:
            if worker is not current:
                worker.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        current = threading.current_thread()
        for worker in self._pool:
            if worker is not current:
                worker.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()
