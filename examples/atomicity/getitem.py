"""x = L[i] is atomic: a reader sees a whole item, never half of a replacement."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
L = [(0, 0)]
seen = []


def worker(k):
    for n in range(N):
        if k == 0:
            x = L[0]  # OP
            seen.append(x[0] == x[1])
        else:
            L[0] = (n + 1, n + 1)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(seen))
