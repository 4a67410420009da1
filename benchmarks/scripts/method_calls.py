# Method calls and attribute access on small objects, including an inherited override.
import time


class Counter:
    def __init__(self, start):
        self.value = start
        self.calls = 0

    def step(self, by):
        self.calls += 1
        self.value = (self.value + by) % 65536
        return self.value

    def get(self):
        return self.value


class DoubleCounter(Counter):
    def step(self, by):
        return super().step(by * 2)


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def run(n):
    a = Counter(1)
    b = DoubleCounter(2)
    v = Vec(0, 0)
    unit = Vec(1, 2)
    total = 0
    for i in range(n):
        total += a.step(i) + b.step(i) - a.get()
        v = v.add(unit)
        total += v.dot(unit) % 7
    return total, a.calls, b.calls, v.x, v.y


run(5000)
start = time.perf_counter()
result = run(700000)
elapsed = time.perf_counter() - start
print("total, calls a, calls b, v:", result)
print(f"@time {elapsed:.6f}")
