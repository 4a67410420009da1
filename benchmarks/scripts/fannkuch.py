# Fannkuch-redux (Benchmarks Game): list slicing, reversal and permutation bookkeeping.
import time


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutation = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if permutation % 2 == 0 else -flips
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permutation += 1


fannkuch(6)
start = time.perf_counter()
checksum, flips = fannkuch(9)
elapsed = time.perf_counter() - start
print("checksum:", checksum)
print("Pfannkuchen(9) =", flips)
print(f"@time {elapsed:.6f}")
