"""i = i + 1 is not atomic: load, add and store are three instructions; a switch between them loses an update."""
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1
OUTCOMES = {str(2 * N): "acceptable", "*": "interesting"}
i = 0


def worker(k):
    global i
    for _ in range(N):
        i = i + 1  # OP

threads = [threading.Thread(target=worker, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(i)
