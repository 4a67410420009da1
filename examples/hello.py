# A first Gild program: a greeting and a small computation (no threads, no imports).


def primes_below(limit):
    sieve = [True] * limit
    found = []
    for n in range(2, limit):
        if sieve[n]:
            found.append(n)
            for multiple in range(n * n, limit, n):
                sieve[multiple] = False
    return found


print("Hello from Gild!")
primes = primes_below(50)
print(f"{len(primes)} primes below 50: {primes}")
print("their sum:", sum(primes))
