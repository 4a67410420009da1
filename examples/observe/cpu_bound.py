"""Two threads counting down: CPU-bound work, which the GIL makes take turns.

    ./gild --trace cpu.json examples/observe/cpu_bound.py
    ./gild timeline cpu.json -o cpu.html
"""
import sys
import threading


def count(n):
    while n > 0:
        n -= 1


N = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
threads = [threading.Thread(target=count, args=(N,), name=f"counter-{i}") for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counted down from", N, "in", len(threads), "threads")
