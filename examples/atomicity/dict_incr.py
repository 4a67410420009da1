"""D[x] = D[x] + 1 is not atomic: the read and the store are separate instructions."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "interesting"}
D = {"x": 0}


def worker(k):
    for _ in range(N):
        D["x"] = D["x"] + 1  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(D["x"])
