# Nested integer loops: the eval loop's bread and butter (range iteration, locals, int ops).
import time


def kernel(n):
    total = 0
    for i in range(n):
        acc = i
        for j in range(n):
            acc = (acc * 31 + j) % 1000003
            if acc & 1:
                total += acc >> 3
            else:
                total -= j
    return total


def while_kernel(n):
    i = 0
    count = 0
    while i < n:
        k = i
        while k > 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
            count += 1
        i += 1
    return count


kernel(50)
while_kernel(1000)
start = time.perf_counter()
a = kernel(900)
b = while_kernel(40000)
elapsed = time.perf_counter() - start
print("nested for:", a)
print("collatz steps:", b)
print(f"@time {elapsed:.6f}")
