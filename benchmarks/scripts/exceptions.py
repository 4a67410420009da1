# Exception-heavy control flow: raise/except of built-in and custom exceptions, try/finally,
# exception chaining, and EAFP look-ups that miss.
import time


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"{field}={value}")
        self.field = field


class RangeError(ValidationError):
    pass


def validate(i):
    if i % 7 == 0:
        raise RangeError("i", i)
    if i % 5 == 0:
        raise ValidationError("i", i)
    return i


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return -1


def run(n):
    table = {k: k * 2 for k in range(0, n, 3)}
    ranges = others = cleanups = chained = 0
    total = 0
    for i in range(n):
        try:
            total += validate(i)
        except RangeError:
            ranges += 1
        except ValidationError as e:
            others += len(e.field)
        finally:
            cleanups += 1
        total += lookup(table, i)
        if i % 11 == 0:
            try:
                try:
                    1 // (i % 2)
                except ZeroDivisionError as e:
                    raise ValueError("wrapped") from e
            except ValueError as e:
                chained += e.__cause__ is not None
    return total, ranges, others, cleanups, chained


run(1000)
start = time.perf_counter()
result = run(600000)
elapsed = time.perf_counter() - start
print("total, ranges, others, cleanups, chained:", result)
print(f"@time {elapsed:.6f}")
