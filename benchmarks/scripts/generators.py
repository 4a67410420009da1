# A lazy pipeline of generators: yield, generator expressions, and consumers pulling values.
import time


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def only_odd(source):
    for x in source:
        if x & 1:
            yield x


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield sum(window)
            window.pop(0)


def take(source, n):
    for i, x in enumerate(source):
        if i >= n:
            return
        yield x


def run(n):
    pipeline = windows(only_odd(squares(numbers(n))), 4)
    total = sum(x % 1000 for x in pipeline)
    firsts = list(take(squares(numbers(n)), 5))
    evens = sum(1 for x in (y for y in range(n) if y % 2 == 0))
    return total, firsts, evens


run(2000)
start = time.perf_counter()
result = run(2000000)
elapsed = time.perf_counter() - start
print("pipeline total:", result[0])
print("first squares:", result[1])
print("evens:", result[2])
print(f"@time {elapsed:.6f}")
