# N-queens by backtracking over sets: recursion, set membership and set updates.
import time


def solve(n):
    solutions = 0
    first = None
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        nonlocal solutions, first
        if row == n:
            solutions += 1
            if first is None:
                first = list(placed)
            return
        for col in range(n):
            if col in cols or row + col in diag1 or row - col in diag2:
                continue
            cols.add(col)
            diag1.add(row + col)
            diag2.add(row - col)
            placed.append(col)
            place(row + 1)
            placed.pop()
            cols.remove(col)
            diag1.remove(row + col)
            diag2.remove(row - col)

    place(0)
    return solutions, first


solve(6)
start = time.perf_counter()
results = [solve(n) for n in range(4, 13)]
elapsed = time.perf_counter() - start
for n, (count, first) in zip(range(4, 13), results):
    print(f"{n} queens: {count} solutions, first {first}")
print(f"@time {elapsed:.6f}")
