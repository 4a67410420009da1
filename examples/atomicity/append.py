"""L.append(x) is atomic: two threads append N items each and none is lost."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "forbidden"}
L = []


def worker(k):
    for _ in range(N):
        L.append(k)  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(L))
