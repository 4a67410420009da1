"""Synchronised queues for passing work between threads."""

import threading
from time import monotonic as _time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Raised by get(block=False) or get(timeout=...) when the queue stays empty.'
    __module__ = '_queue'


class Full(Exception):
    'Raised by put(block=False) or put(timeout=...) when the queue stays full.'


class _Fifo:
    """A list used as a first-in first-out buffer: taking from the front moves a head index
    instead of shifting the list, and the consumed prefix is cut off now and then."""

    def __init__(self):
        self.items = []
        self.head = 0

    def __len__(self):
        return len(self.items) - self.head

    def append(self, item):
        self.items.append(item)

    def popleft(self):
        items = self.items
        item = items[self.head]
        items[self.head] = None
        self.head += 1
        if self.head >= 64 and self.head * 2 >= len(items):
            del items[:self.head]
            self.head = 0
        return item


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue; maxsize <= 0 means unbounded.

    One mutex guards the buffer; three conditions over it let getters wait for items, putters
    for room, and join() for every task to be marked done.
    """

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                else:
                    _check_timeout(timeout)
                    deadline = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            else:
                _check_timeout(timeout)
                deadline = _time() + timeout
                while not self._qsize():
                    remaining = deadline - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage, overridden by the subclasses; called with the mutex held.

    def _init(self, maxsize):
        self.queue = _Fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


def _sift_up(heap, pos):
    item = heap[pos]
    while pos > 0:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_down(heap, pos):
    n = len(heap)
    item = heap[pos]
    while True:
        child = 2 * pos + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[child] < item:
            heap[pos] = heap[child]
            pos = child
        else:
            break
    heap[pos] = item


class PriorityQueue(Queue):
    """Retrieves the smallest entry first (entries are usually (priority, data) tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)
        _sift_up(self.queue, len(self.queue) - 1)

    def _get(self):
        heap = self.queue
        last = heap.pop()
        if not heap:
            return last
        smallest = heap[0]
        heap[0] = last
        _sift_down(heap, 0)
        return smallest


class LifoQueue(Queue):
    """Retrieves the most recently added entry first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking: a buffer and a count of its items."""
    __module__ = '_queue'

    def __init__(self):
        self._queue = _Fifo()
        self._mutex = threading.Lock()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        with self._mutex:
            self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        if timeout is not None and block:
            _check_timeout(timeout)
        if not self._count.acquire(block, timeout if block else None):
            raise Empty
        with self._mutex:
            return self._queue.popleft()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        with self._mutex:
            return len(self._queue) == 0

    def qsize(self):
        with self._mutex:
            return len(self._queue)

