"""x = L.pop() is atomic: every item is popped exactly once."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
L = list(range(2 * N))
popped = []


def worker(k):
    for _ in range(N):
        x = L.pop()  # OP
        popped.append(x)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(popped) == list(range(2 * N)))
