"""counter += 1 is not atomic (LOAD_GLOBAL, BINARY_OP, STORE_GLOBAL), but with --preempt-at backedge a plain loop never switches between them."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "interesting"}
counter = 0


def worker(k):
    global counter
    for _ in range(N):
        counter += 1  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
