# Sorting records with key functions: lambdas, tuple keys, reverse, stability, min/max with key.
import time


def records(n):
    state = 7
    out = []
    for i in range(n):
        state = (state * 48271) % 2147483647
        name = "user" + str(state % 5000).rjust(4, "0")
        out.append({"id": i, "name": name, "age": 18 + state % 60, "score": (state >> 7) % 1000})
    return out


def by_age_then_name(r):
    return (r["age"], r["name"])


def run(n, rounds):
    rows = records(n)
    checks = 0
    for k in range(rounds):
        a = sorted(rows, key=by_age_then_name)
        b = sorted(rows, key=lambda r: -r["score"])
        c = sorted(rows, key=lambda r: r["name"], reverse=True)
        d = sorted(range(len(rows)), key=lambda i: (rows[i]["score"] % 17, i))
        checks += a[k]["id"] + b[k]["id"] + c[k]["id"] + d[k]
    oldest = max(rows, key=lambda r: (r["age"], -r["id"]))
    words = sorted(r["name"] for r in rows[:2000])
    return checks, oldest["id"], words[:3], words[-1]


run(200, 2)
start = time.perf_counter()
checks, oldest, first_words, last_word = run(30000, 6)
elapsed = time.perf_counter() - start
print("checksum:", checks)
print("oldest id:", oldest)
print("names:", first_words, last_word)
print(f"@time {elapsed:.6f}")
