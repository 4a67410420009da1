# A first Gild script: functions, a class, a generator and an exception.

def greet(name):
    return f"Hello, {name}!"


class Counter:
    def __init__(self):
        self.count = 0

    def tick(self, by=1):
        self.count += by
        return self.count


def squares(n):
    i = 0
    while i < n:
        yield i * i
        i += 1


print(greet("Gild"))
c = Counter()
c.tick()
print("ticks:", c.tick(by=2))
total = 0
for sq in squares(10):
    total += sq
print("sum of squares below 10:", total)
try:
    {}["missing"]
except KeyError as e:
    print("caught KeyError:", e)
