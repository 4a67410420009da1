# Deep call chains: naive Fibonacci and Takeuchi, nothing but calls, compares and adds.
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def depth(n):
    # A chain 900 frames deep (under CPython's default limit of 1000).
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def run(fib_n, tak_args, rounds):
    total = 0
    for _ in range(rounds):
        total += depth(900)
    return fib(fib_n), tak(*tak_args), total


run(18, (12, 8, 4), 5)
start = time.perf_counter()
f, t, d = run(32, (22, 16, 8), 1000)
elapsed = time.perf_counter() - start
print("fib(32) =", f)
print("tak(22, 16, 8) =", t)
print("depth total =", d)
print(f"@time {elapsed:.6f}")
