"""x = y is atomic: x gets one of the values y had."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {"True": "acceptable", "*": "forbidden"}
x = None
y = 0
seen = []


def worker(k):
    global x, y
    for n in range(N):
        if k == 0:
            x = y  # OP
            seen.append(x)
        else:
            y = n + 1

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(0 <= v <= N for v in seen))
