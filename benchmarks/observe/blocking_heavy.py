# One thread making many blocking calls that return at once: each is a lock release and
# re-acquire through the blocking gate, the most frequent recorded transition.
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
for _ in range(N):
    time.sleep(0)
print("done")
