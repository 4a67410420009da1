"""L.append(L[-1] + 1) is not atomic: the read of L[-1] and the append are separate steps."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "interesting"}
L = [0]


def worker(k):
    for _ in range(N):
        L.append(L[-1] + 1)  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(L == list(range(2 * N + 1)))
