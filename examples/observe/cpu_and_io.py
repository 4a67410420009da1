"""One CPU-bound thread beside one I/O-bound thread: every time the I/O thread wakes up it
must wait for the CPU-bound one to give the lock up (up to a switch interval). Compare the
waits under --gil-policy fair and legacy, and with --switch-interval 1ms.

    ./gild --gil-stats examples/observe/cpu_and_io.py
"""
import sys
import threading
import time


def spin(n):
    while n > 0:
        n -= 1


def io(rounds):
    for _ in range(rounds):
        time.sleep(0.002)


N = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
cpu = threading.Thread(target=spin, args=(N,), name="cpu")
waiter = threading.Thread(target=io, args=(50,), name="io")
cpu.start()
waiter.start()
waiter.join()
cpu.join()
print("done")
