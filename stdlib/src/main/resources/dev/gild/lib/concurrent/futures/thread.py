"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads."""

from concurrent.futures import _base
import queue
import threading

# Executors to stop at interpreter exit, before threading joins their (non-daemon) workers.
_live_executors = []
_exiting = False


def _stop_all_at_exit():
    global _exiting
    _exiting = True
    for executor in list(_live_executors):
        executor._stop_workers()


threading._register_atexit(_stop_all_at_exit)


def _cpu_count():
    try:
        import os
    except ImportError:
        return None
    return os.cpu_count()


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Break the reference cycle through the traceback.
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            executor._initializer_failed()
            return
    while True:
        item = work_queue.get()
        if item is not None:
            item.run()
            del item
            executor._idle_semaphore.release()
            continue
        # None: the executor is shutting down; pass the news on to the next worker.
        work_queue.put(None)
        return


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed."""


class ThreadPoolExecutor(_base.Executor):
    _counter = 0
    _counter_lock = threading.Lock()

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # As CPython: enough threads for I/O-bound work, at most 32.
            max_workers = min(32, (_cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        with ThreadPoolExecutor._counter_lock:
            number = ThreadPoolExecutor._counter
            ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % number)
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exiting:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            future = _base.Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._adjust_thread_count()
            return future

    def _adjust_thread_count(self):
        # An idle worker will pick the item up.
        if self._idle_semaphore.acquire(timeout=0):
            return
        if len(self._threads) < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix, len(self._threads))
            t = threading.Thread(name=name, target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            if len(self._threads) == 1:
                _live_executors.append(self)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            while True:
                try:
                    item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self._broken))

    def _stop_workers(self):
        with self._shutdown_lock:
            self._shutdown = True
            self._work_queue.put(None)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
        if self in _live_executors:
            _live_executors.remove(self)

