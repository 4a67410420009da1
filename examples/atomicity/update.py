"""D1.update(D2) is atomic: the keys of one update are never mixed with another's."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
D = {}


def worker(k):
    for _ in range(N):
        D.update({"a": k, "b": k})  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(D["a"] == D["b"])
