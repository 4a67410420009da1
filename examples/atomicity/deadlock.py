"""Two threads take two locks in opposite orders: some interleavings deadlock.

gild explore finds the deadlocking schedule and reports it as an outcome with its replay token;
under --schedule the scheduler names the blocked threads instead of hanging.
"""
import threading

OUTCOMES = {"done": "acceptable", "deadlock": "forbidden"}
a = threading.Lock()
b = threading.Lock()


def worker(first, second):
    with first:
        with second:
            pass


threads = [threading.Thread(target=worker, args=(a, b)), threading.Thread(target=worker, args=(b, a))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
