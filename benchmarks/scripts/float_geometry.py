# Float geometry on tuples: polygon areas, perimeters, centroids and a nearest-pair search.
import time


def points(n, seed):
    state = seed
    out = []
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        x = (state >> 11) / 9007199254740992.0 * 100.0
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        y = (state >> 11) / 9007199254740992.0 * 100.0
        out.append((x, y))
    return out


def area(poly):
    total = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % len(poly)]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2.0


def perimeter(poly):
    total = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i]
        x2, y2 = poly[i - 1]
        total += ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5
    return total


def centroid(pts):
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def nearest_pair(pts):
    best = float("inf")
    for i in range(len(pts)):
        xi, yi = pts[i]
        for j in range(i + 1, len(pts)):
            dx = xi - pts[j][0]
            dy = yi - pts[j][1]
            d = dx * dx + dy * dy
            if d < best:
                best = d
    return best ** 0.5


def run(n, rounds):
    pts = points(n, 2024)
    a = p = 0.0
    for k in range(rounds):
        poly = pts[k % 7:]
        a += area(poly)
        p += perimeter(poly)
    return a, p, centroid(pts), nearest_pair(pts)


run(50, 2)
start = time.perf_counter()
a, p, (cx, cy), near = run(3000, 300)
elapsed = time.perf_counter() - start
print(f"area sum {a:.6f} perimeter sum {p:.6f}")
print(f"centroid ({cx:.6f}, {cy:.6f}) nearest pair {near:.9f}")
print(f"@time {elapsed:.6f}")
