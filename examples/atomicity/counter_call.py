"""counter += one() is not atomic even with --preempt-at backedge: a call returning between the load and the store is a switch point."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "interesting"}
counter = 0


def one():
    return 1


def worker(k):
    global counter
    for _ in range(N):
        counter += one()  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
