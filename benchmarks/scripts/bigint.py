# Big-integer arithmetic: digits of pi from Gibbons' unbounded spigot, and a large factorial.
import time


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < n * t:
            digits.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return "".join(str(d) for d in digits)


def factorial_digit_sum(n):
    # Digits by repeated divmod, not str(): CPython limits int-to-str conversion to 4300 digits.
    f = 1
    for i in range(2, n + 1):
        f *= i
    total = 0
    count = 0
    while f:
        f, chunk = divmod(f, 10 ** 18)
        while chunk:
            chunk, d = divmod(chunk, 10)
            total += d
            count += 1
    return total, count


pi_digits(50)
start = time.perf_counter()
digits = pi_digits(3500)
fact = factorial_digit_sum(3000)
elapsed = time.perf_counter() - start
print("pi:", digits[0] + "." + digits[1:61])
print("digits 3441-3500:", digits[3440:])
print("3000! digit sum and digit count:", fact)
print(f"@time {elapsed:.6f}")
