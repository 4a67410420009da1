"""L.sort() is atomic: another thread sees the list before or after the sort, never during it."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
ORIGINAL = [5, 3, 1, 4, 2]
L = list(ORIGINAL)
snapshots = []


def worker(k):
    for _ in range(N):
        if k == 0:
            L.sort()  # OP
        else:
            snapshots.append(L[:])

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(s in (ORIGINAL, sorted(ORIGINAL)) for s in snapshots))
