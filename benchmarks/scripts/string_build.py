# Building strings: += in a loop, join, f-strings, str methods (upper, replace, find, slicing).
import time


def csv_rows(n):
    rows = []
    for i in range(n):
        rows.append(f"{i},{i * i % 97},name{i % 13},{i / 8:.3f}")
    return "\n".join(rows)


def concat(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
        if i % 64 == 63:
            s += "\n"
    return s


def transform(text):
    out = []
    for line in text.splitlines():
        fields = line.split(",")
        name = fields[2].upper().replace("NAME", "N-")
        out.append("|".join([fields[0].zfill(6), name, fields[3].strip()]))
    return "\n".join(out)


def count_finds(text, needle):
    count = 0
    pos = text.find(needle)
    while pos >= 0:
        count += 1
        pos = text.find(needle, pos + 1)
    return count


def run(n):
    table = transform(csv_rows(n))
    letters = concat(n * 4)
    return len(table), table[:40], count_finds(table, "N-7"), len(letters), letters[-10:]


run(100)
start = time.perf_counter()
result = run(400000)
elapsed = time.perf_counter() - start
print("table length:", result[0])
print("table head:", result[1].replace("\n", " / "))
print("finds:", result[2], "letters:", result[3], result[4].replace("\n", "\\n"))
print(f"@time {elapsed:.6f}")
