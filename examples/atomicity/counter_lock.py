"""counter += 1 under a threading.Lock: never loses an update."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "forbidden"}
counter = 0
lock = threading.Lock()


def worker(k):
    global counter
    for _ in range(N):
        with lock:
            counter += 1  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
