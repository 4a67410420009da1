"""L1[i:j] = L2 is atomic: a slice is replaced as a whole."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
L = [None, None]


def worker(k):
    for _ in range(N):
        L[0:2] = [k, k]  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(L[0] == L[1])
