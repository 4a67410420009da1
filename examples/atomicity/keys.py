"""D.keys() is atomic: a snapshot of the keys has all of them from one moment."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
D = {"a": 0}
snapshots = []


def worker(k):
    for n in range(N):
        if k == 0:
            snapshots.append(list(D.keys()))  # OP
        else:
            D["b"] = n

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(s in (["a"], ["a", "b"]) for s in snapshots))
