"""The multiprocessing API over threads: Pool runs its work on a ThreadPool."""

import threading
import queue
from threading import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from queue import Queue

__all__ = ['Process', 'current_process', 'active_children', 'freeze_support', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Queue', 'Pool',
           'JoinableQueue']

JoinableQueue = Queue


class DummyProcess(threading.Thread):
    """A thread with the Process interface (exitcode, start, join, is_alive)."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None):
        threading.Thread.__init__(self, group, target, name, args, kwargs or {})
        self._pid = None
        self._children = {}
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise AssertionError("can only start a process object created by current process")
        self._start_called = True
        if hasattr(self._parent, '_children'):
            self._parent._children[self] = None
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess
current_process = threading.current_thread
current_process()._children = {}


def active_children():
    children = current_process()._children
    for p in list(children):
        if not p.is_alive():
            children.pop(p, None)
    return list(children)


def freeze_support():
    pass


def Pool(processes=None, initializer=None, initargs=()):
    from multiprocessing.pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)
