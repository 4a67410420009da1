"""L1.extend(L2) is atomic: the items of one extend never interleave with another's."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
L = []


def worker(k):
    for _ in range(N):
        L.extend([k, k, k])  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(L[i] == L[i + 1] == L[i + 2] for i in range(0, len(L), 3)) and len(L) == 6 * N)
