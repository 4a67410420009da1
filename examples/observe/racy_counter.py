"""`counter += 1` is several bytecodes (load, add, store): a thread switch between the load
and the store loses an update. With the GIL that is rare; with --gil off it is the rule.
`gild compare` flags the differing outputs:

    ./gild compare examples/observe/racy_counter.py
"""
import sys
import threading

counter = 0


def work(n):
    global counter
    for _ in range(n):
        counter += 1


N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
threads = [threading.Thread(target=work, args=(N,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter, "expected", 4 * N)
