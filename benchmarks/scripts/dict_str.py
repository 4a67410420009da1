# Word counting: str.split, dict get/set, str.join, sorting the counts.
import time

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vi", "zo", "pe", "su"]


def make_text(lines, words_per_line, seed):
    state = seed
    out = []
    for _ in range(lines):
        words = []
        for _ in range(words_per_line):
            state = (state * 1103515245 + 12345) % 2147483648
            n = 1 + state % 3
            word = ""
            for k in range(n):
                word += SYLLABLES[(state >> (4 * k + 8)) % len(SYLLABLES)]
            words.append(word)
        out.append(" ".join(words))
    return "\n".join(out)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for word in line.split():
            counts[word] = counts.get(word, 0) + 1
    return counts


def run(lines, rounds):
    text = make_text(lines, 12, 42)
    counts = {}
    for _ in range(rounds):
        counts = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return len(text), len(counts), top


run(100, 2)
start = time.perf_counter()
size, distinct, top = run(12000, 16)
elapsed = time.perf_counter() - start
print("text length:", size)
print("distinct words:", distinct)
print("top:", ", ".join(f"{w}={c}" for w, c in top))
print(f"@time {elapsed:.6f}")
