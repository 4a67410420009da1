#!/usr/bin/env python3
"""Generates the expected results of NumbersTest from CPython 3.11 (the oracle).

Run from this directory: python3 generate.py
Writes cases.txt (one operation per line) and float_repr.txt (float bits and their repr).

cases.txt line format, fields separated by tabs:
    operation  argument...  =>  expected
Values are encoded as:
    i:<decimal>         int                     b:0 / b:1     bool
    f:<16 hex digits>   float (IEEE bits)       c:<bits>,<bits>   complex
    s:<hex of UTF-8>    str                     y:<hex>       bytes
    t:<v>;<v>...        tuple of encoded values N:            None
    E:<Type>:<hex of UTF-8 str(exception)>      an exception
"""
import math
import random
import struct

random.seed(20240611)


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def enc(v):
    if v is None:
        return "N:"
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + bits(v)
    if isinstance(v, complex):
        return "c:%s,%s" % (bits(v.real), bits(v.imag))
    if isinstance(v, str):
        return "s:" + v.encode("utf-8").hex()
    if isinstance(v, bytes):
        return "y:" + v.hex()
    if isinstance(v, tuple):
        return "t:" + ";".join(enc(x) for x in v)
    raise TypeError(type(v))


lines = []


def approximate_power(a, b):
    """Float and complex powers: CPython computes them with the C library's pow (and exp, log,
    atan2, cos, sin for complex), which is not correctly rounded; Gild's results are compared to
    within a few ulps per component."""
    try:
        r = a ** b
    except Exception:
        return False
    return isinstance(r, (float, complex))


def case(op, fn, *args):
    if op == "bin**" and approximate_power(*args):
        op = "bin**~"
    try:
        r = enc(fn(*args))
    except Exception as e:
        r = "E:%s:%s" % (type(e).__name__, str(e).encode("utf-8").hex())
    lines.append("\t".join([op] + [enc(a) for a in args] + ["=>", r]))


INTS = [0, 1, -1, 2, -3, 7, 255, 2**53 + 1, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, -10**20, 3**40, 2**100 + 1]
BOOLS = [True, False]
FLOATS = [0.0, -0.0, 0.5, -2.5, 0.1, -3.7, 1e16, 1e300, 5e-324, 2.0**63, -2.0**63, 1 / 3, float("inf"),
          float("-inf"), float("nan")]
COMPLEXES = [1 + 2j, -3.5 + 0.5j, 0j]
VALUES = INTS + BOOLS + FLOATS + COMPLEXES

BINOPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a / b, "//": lambda a, b: a // b, "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b, "<<": lambda a, b: a << b, ">>": lambda a, b: a >> b,
    "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
}
CMPS = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
}


def too_slow(op, a, b):
    """Operations CPython would take forever on (or that are pointless to store)."""
    if op == "**" and isinstance(b, int) and not isinstance(a, (float, complex)):
        if a in (0, 1, -1, True, False):
            return False
        return b > 300 or (abs(a) > 1000 and b > 20)
    if op == "<<" and isinstance(a, int) and isinstance(b, int) and a != 0:
        return 2**20 < b < 2**62
    return False


for a in VALUES:
    for b in VALUES:
        for name, fn in BINOPS.items():
            if not too_slow(name, a, b):
                case("bin" + name, fn, a, b)
        for name, fn in CMPS.items():
            case("cmp" + name, fn, a, b)
        case("divmod", divmod, a, b)

# More arithmetic on random operands: small, around 2**63, big; floats of all magnitudes.
def rand_int():
    k = random.random()
    if k < 0.3:
        return random.randint(-1000, 1000)
    if k < 0.6:
        return random.randint(-2**64, 2**64)
    if k < 0.8:
        return random.choice([1, -1]) * (2**63 + random.randint(-5, 5))
    return random.randint(-10**30, 10**30)


def rand_float():
    k = random.random()
    if k < 0.4:
        return random.uniform(-1000, 1000)
    if k < 0.7:
        return random.choice([1, -1]) * random.random() * 10 ** random.randint(-30, 30)
    if k < 0.8:
        return float(random.randint(-2**70, 2**70))
    return struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]


for _ in range(300):
    a, b = rand_int(), rand_int()
    for name in ["+", "-", "*", "/", "//", "%", "&", "|", "^"]:
        case("bin" + name, BINOPS[name], a, b)
    case("bin<<", BINOPS["<<"], a, random.randint(0, 100))
    case("bin>>", BINOPS[">>"], a, random.randint(0, 100))
    case("bin**", BINOPS["**"], a, random.randint(-5, 5))
    case("cmp<", CMPS["<"], a, b)
    case("divmod", divmod, a, b)
    x, y = rand_float(), rand_float()
    for name in ["+", "-", "*", "/", "//", "%", "**"]:
        case("bin" + name, BINOPS[name], x, y)
        case("bin" + name, BINOPS[name], a, y)
        case("bin" + name, BINOPS[name], x, a)
    case("divmod", divmod, x, y)
    for name in ["<", "==", ">="]:
        case("cmp" + name, CMPS[name], a, x)
        case("cmp" + name, CMPS[name], float(a), a)
        case("cmp" + name, CMPS[name], a + 1, float(a))

# Exact int/float comparisons near the limits of double precision.
for e in [52, 53, 54, 62, 63, 64, 100, 1023]:
    for d in [-2, -1, 0, 1, 2]:
        n = 2**e + d
        for f in [float(2**e), float(2**e) * (1 + 2**-52), float(2**e) * (1 - 2**-53)]:
            for name, fn in CMPS.items():
                case("cmp" + name, fn, n, f)
                case("cmp" + name, fn, -n, -f)

# Float ** float: integral exponents (exact in glibc), fractional, negative bases.
for _ in range(400):
    x = random.choice([random.uniform(0, 10), random.uniform(0, 2), random.lognormvariate(0, 3)])
    y = random.choice([float(random.randint(-40, 40)), random.uniform(-10, 10), 0.5, -0.5, 1 / 3])
    case("bin**", BINOPS["**"], x, y)
    case("bin**", BINOPS["**"], -x, y)
for x in [2.0, 10.0, 0.5, 1.1, 3.0, 1e-5, 7.0]:
    for n in range(-330, 331, 11):
        case("bin**", BINOPS["**"], x, n)
        case("bin**", BINOPS["**"], x, float(n))

# True division of ints, correctly rounded including huge and subnormal quotients.
for _ in range(150):
    a = random.randint(1, 10 ** random.randint(1, 400)) * random.choice([1, -1])
    b = random.randint(1, 10 ** random.randint(1, 400)) * random.choice([1, -1])
    case("bin/", BINOPS["/"], a, b)
for a, b in [(1, 2**1074), (1, 2**1075), (3, 2**1076), (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1),
             (2**1024 - 2**969, 1), (10**400, 10**399), (1, 3 * 2**1073), (2**54 + 1, 2), (2**54 + 3, 4)]:
    case("bin/", BINOPS["/"], a, b)
    case("bin/", BINOPS["/"], -a, b)

# Complex arithmetic.
CX = COMPLEXES + [complex(1e300, 1e300), complex(-0.0, 2), 3 + 4j, complex(0, -1)]
for a in CX:
    for b in CX + [2, -1.5, True, 0]:
        for name in ["+", "-", "*", "/", "**"]:
            case("bin" + name, BINOPS[name], a, b)
            case("bin" + name, BINOPS[name], b, a)
for a in [-8, -1, -2.5, 2, 1j]:
    for b in [0.5, 1 / 3, -0.5, 2.5, 1j, 1 + 1j]:
        case("bin**", BINOPS["**"], a, b)

# Unary operations and conversions on every pool value plus random ones.
UNARY_POOL = VALUES + [rand_int() for _ in range(50)] + [rand_float() for _ in range(100)] + [
    1e22, 1e23, 1e-5, 1.5e-5, 0.0001, 1234567890123456.0, 12345678901234567.0, 2.675, 0.3, 9007199254740993.0,
    123e-20, 1.7976931348623157e308, 2.2250738585072014e-308, 1e-320, -1.5, 0.25, 2**0.5]
for v in UNARY_POOL:
    case("neg", lambda x: -x, v)
    case("pos", lambda x: +x, v)
    case("abs", abs, v)
    case("invert", lambda x: ~x, v)
    case("hash", lambda x: hash(x) if x == x else 0, v)
    case("repr", repr, v)
    case("truth", bool, v)
    case("int", int, v)
    case("float", float, v)
    case("complex", complex, v)
    case("round", round, v)
    for n in [-400, -20, -3, -1, 0, 1, 2, 3, 10, 17, 400]:
        case("round2", round, v, n)
    for m in ["bit_length", "bit_count", "as_integer_ratio", "is_integer", "hex", "conjugate"]:
        if hasattr(v, m):
            case("method:" + m, lambda x, m=m: getattr(x, m)(), v)
    for attr in ["real", "imag", "numerator", "denominator"]:
        if hasattr(v, attr):
            case("attr:" + attr, lambda x, attr=attr: getattr(x, attr), v)

# round() half-way cases with ndigits.
for _ in range(400):
    d = random.randint(1, 6)
    v = round(random.uniform(-100, 100), d) + random.choice([0, 5 * 10 ** -(d + 1)])
    case("round2", round, v, d)
for v in [0.125, 0.375, 2.5, 3.5, -0.5, 0.5, 1.5, 2.675, 1.0000001, 1234.5678, 5e-324, 1e300, 0.285, 1.005]:
    for n in range(-3, 5):
        case("round2", round, v, n)
for v in [25, 15, -35, 1250, 1350, -1250, 2**70 + 1, 10**40 + 5 * 10**19, 5, 0, -5]:
    for n in [-1, -2, -5, -20, -41, -100, 0, 3]:
        case("round2", round, v, n)

# Float repr of random doubles is in float_repr.txt; these are the layout boundaries.
for e in list(range(-330, -300)) + list(range(-30, 30)) + list(range(290, 308)):
    for m in [1.0, 1.5, 9.999999999999998, 1.2345678901234567]:
        v = m * 10.0 ** e
        case("repr", repr, v)

# int() from strings.
INT_STRINGS = ["0", "-0", "+5", "  17  ", "\t\n 12 \n", "1_000", "0x_ff", "0b101", "0o17", "0xff", "0XFF", "ff", "FF",
               "z", "-zz", "777", "10", "11", "", " ", "1.5", "abc", "0x", "1 2", "12a", "1__0", "_1", "1_", "010",
               "00", "0_0", "00_0", "0_7", "0b", "0b1", "0b_", "0x__1", "- 1", "+-1", "1_2_3", "9", "12345678901234567890",
               "-99999999999999999999999", "1" * 300, "-" + "7" * 100, "\u0663\u0664", "\u00a0 12 \u3000", "0" * 30 + "7",
               "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809"]
for s in INT_STRINGS:
    for base in [10, 0, 2, 8, 16, 36]:
        # Error messages quote repr(s): keep those to strings whose repr needs no escapes.
        if base in (10, 0) or s.isprintable() and s.isascii():
            case("intbase", int, s, base)
    case("int", int, s)
for base in [1, 37, -1]:
    case("intbase", int, "12", base)
case("int", int, "x" * 300)
case("intbase", int, b"ff", 16)
case("int", int, b"42")
case("int", int, b" -7 ")

FLOAT_STRINGS = ["3.5", "  -2.5e3 ", "inf", "-Infinity", "nan", "+nan", "-iNF", "1_000.5", ".5", "5.", "1e-3", "+1E+2", "-0",
                 "0.000", "1" * 20, "", "abc", "1.2.3", "0x10", "1e", "in f", "infinit", "1_000_", "1__0", "_1", "1e_1",
                 "1.5_", "0_1.5", "1e1_0", ".e1", "-.5e-3", "1e500", "-1e500", "1e-500", "1." + "0" * 400 + "1",
                 "\u0663.\u0665", " \u00a0 1.5 \u2003", "1e99999999999", "4e-324", "2e-324", "2.4703282292062328e-324",
                 "9007199254740993", "0.1", "123456789012345678901234567890e-10", "nan(1)", ". 5", "1 .5"]
for s in FLOAT_STRINGS:
    case("float", float, s)
case("float", float, b"1.5")

COMPLEX_STRINGS = ["1+2j", " (1+2j) ", "1e3j", "-j", "+1.5-2.5J", "inf+nanj", "1_0+2_0j", "( 1+2j )", "1 + 2j", "1",
                   "j", "", "1+", "nanj", "-0j", "1e+2j", "1e", "(1)", "1j ", "  1.5  ", "infj", "-infinityj", "1+infj",
                   "1-nanj", "1_0j", "(1", "1)", "J", "+J", "1+J", "1e5+1e-5j", "1+2", "1j+2", ".5j", "5.j",
                   "(  -1-1j  )"]
for s in COMPLEX_STRINGS:
    case("complex", complex, s)
for a, b in [(1, 2), (1j, 1j), (1.5, -0.0), (True, 2), (2**1024, 0), (1 + 1j, 2), (0, 1j)]:
    case("complex", complex, a, b)

# pow() with a modulus.
for a, b, m in [(3, 200, 1000), (5, 3, 13), (-5, 3, 13), (7, 0, 1), (2, 100, 2**61 - 1), (3, -1, 7), (38, -1, 97),
                (2, 3, -5), (2, -1, 4), (2, 3, 0), (0, 0, 1), (5, 2, -7), (-5, -1, 7), (5, -2, -7), (True, 2, 3),
                (2, 10**20, 10**9 + 7), (5, 3, 1), (5, 0, -1), (2, -1, 1), (10**30, 10**30, 10**40 + 3),
                (2.0, 3, 5), (2, 3.0, 5), (1j, 2, 3), (-7, 5, 2**40 + 5), (12345678901, -1, 2**31 - 1)]:
    case("pow3", pow, a, b, m)

# Float methods.
HEX_STRINGS = ["0x1.8p1", "-0x1.8p-1", "  0X1.8P+1  ", "inf", "-infinity", "nan", "1", "0x.8", "0x1.", "0x1p-1074",
               "0x1p-1075", "0x1.8p-1075", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "ff", "zz",
               "0x1.0000000000000800000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x0p0", "-0x0p0",
               "0x1p99999999999999", "0x1p-99999999999999", "0x", "0x1p", "0x1p+", "1.5p2", "0x0.00000000007e8p-1022"]
for s in HEX_STRINGS:
    case("fromhex", float.fromhex, s)

# int methods.
for v in [0, 1, 255, 256, 1024, -1, -128, -129, 2**64 - 1, -2**63, 2**100]:
    for length in [0, 1, 2, 4, 9, 16]:
        for order in ["big", "little"]:
            for signed in [False, True]:
                case("to_bytes", lambda x, n, o, s: x.to_bytes(n, o, signed=s), v, length, order, signed)
for data in [b"", b"\x01\x00", b"\xff", b"\xff\x00", b"\x80" + b"\x00" * 9, b"\x12\x34\x56\x78\x9a\xbc\xde\xf0\x11"]:
    for order in ["big", "little"]:
        for signed in [False, True]:
            case("from_bytes", lambda d, o, s: int.from_bytes(d, o, signed=s), data, order, signed)

with open("cases.txt", "w", encoding="ascii") as f:
    f.write("\n".join(lines) + "\n")

# float_repr.txt: bits and repr of doubles from many distributions.
reprs = []
for i in range(4000):
    k = i % 6
    if k == 0:
        v = struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
    elif k == 1:
        v = random.random() * 10 ** random.randint(-20, 20)
    elif k == 2:
        v = round(random.uniform(-1000, 1000), random.randint(0, 6))
    elif k == 3:
        v = random.randint(1, 10**random.randint(1, 25)) * 10.0 ** random.randint(-30, 30)
    elif k == 4:
        v = struct.unpack("<d", struct.pack("<Q", random.getrandbits(52)))[0]
    else:
        v = random.randint(1, 99) * 10.0 ** random.randint(-325, 308)
    if v != v:
        continue
    reprs.append("%s %s" % (bits(v), repr(v)))
with open("float_repr.txt", "w", encoding="ascii") as f:
    f.write("\n".join(reprs) + "\n")
print(len(lines), "cases,", len(reprs), "reprs")
