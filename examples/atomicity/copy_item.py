"""L[i] = L[j] + 1 is not atomic: another thread can store into L[i] between the read and the store."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "interesting"}
L = [0]


def worker(k):
    for _ in range(N):
        L[0] = L[0] + 1  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(L[0])
