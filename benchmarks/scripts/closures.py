# Closures and higher-order functions: nonlocal counters, function factories, composition,
# map/filter with lambdas, and decorators that wrap calls.
import time


def make_counter():
    count = 0

    def bump(by=1):
        nonlocal count
        count += by
        return count
    return bump


def compose(*functions):
    def composed(x):
        for f in reversed(functions):
            x = f(x)
        return x
    return composed


def memo_calls(function):
    calls = [0]

    def wrapper(*args):
        calls[0] += 1
        return function(*args)
    wrapper.calls = calls
    return wrapper


@memo_calls
def scaled(x, k):
    return x * k % 1009


def run(n):
    counter = make_counter()
    adders = [(lambda x, k=k: x + k) for k in range(5)]
    pipeline = compose(lambda x: x * 3, adders[2], lambda x: x % 1000, adders[4])
    total = 0
    for i in range(n):
        total += pipeline(i) + scaled(i, 7)
        counter(i & 3)
    evens = sum(map(lambda x: x * x, filter(lambda x: x % 2 == 0, range(n))))
    return total, counter(0), scaled.calls[0], evens


run(1000)
start = time.perf_counter()
result = run(1000000)
elapsed = time.perf_counter() - start
print("total, counter, wrapped calls, evens:", result)
print(f"@time {elapsed:.6f}")
