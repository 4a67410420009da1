# One thread, no blocking calls: the lock never changes hands, so nothing is recorded.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
n = N
while n > 0:
    n -= 1
print("done")
