"""Three threads that mostly sleep (standing in for I/O), with a little work between sleeps:
the lock is released around every sleep, so the threads overlap and hardly ever wait.

    ./gild --trace io.json examples/observe/io_bound.py
"""
import sys
import threading
import time


def worker(rounds):
    total = 0
    for _ in range(rounds):
        time.sleep(0.005)
        total += sum(range(300))
    return total


ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 40
threads = [threading.Thread(target=worker, args=(ROUNDS,), name=f"io-{i}") for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("each thread slept", ROUNDS, "times")
