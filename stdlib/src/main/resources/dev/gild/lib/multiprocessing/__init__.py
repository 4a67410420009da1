"""multiprocessing, as far as this VM goes: the thread-backed pool of multiprocessing.dummy and
multiprocessing.pool.ThreadPool, cpu_count and the package's exceptions. There are no worker
processes."""

from multiprocessing.context import ProcessError, BufferTooShort, TimeoutError, AuthenticationError

__all__ = ['cpu_count', 'ProcessError', 'BufferTooShort', 'TimeoutError', 'AuthenticationError']


def cpu_count():
    """The number of CPUs in the system."""
    import os
    num = os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num
