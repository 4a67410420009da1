"""x.field = y is atomic: the attribute holds one of the values written."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}


class Box:
    field = None


x = Box()


def worker(k):
    for _ in range(N):
        x.field = k  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(x.field in (0, 1))
