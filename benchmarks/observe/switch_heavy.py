# Two CPU-bound threads: under the GIL every switch interval ends in a hand-off, so with
# --switch-interval 100 (instructions) the lock changes hands tens of thousands of times a second.
import sys
import threading


def count(n):
    while n > 0:
        n -= 1


N = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
threads = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
