"""D[x] = y is atomic: no store into a dict is lost."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "forbidden"}
D = {}


def worker(k):
    for n in range(N):
        D[(k, n)] = n  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(D))
