#!/usr/bin/env python3
"""Generates the JUnit tests of Gild's text area with expected values computed by python3.

Each case is a call written as Python data; this script evaluates it with CPython 3.11 and
writes a JUnit dynamic test that makes the same call through Gild's runtime and expects the
same repr (or the same "ExceptionType: message"). Run from interpreter/:

    python3 tools/gen_text_tests.py

and commit the regenerated StrMethodsTest.java, BytesMethodsTest.java and FormatTest.java.
"""
import sys

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"


class KW(dict):
    """Keyword arguments of a case."""


class Call:
    def __init__(self, receiver, method, *args):
        self.receiver = receiver
        self.method = method
        self.kwargs = {}
        self.args = []
        for a in args:
            if isinstance(a, KW):
                self.kwargs = dict(a)
            else:
                self.args.append(a)

    def run(self):
        if isinstance(self.receiver, type):
            return getattr(self.receiver, self.method)(*self.args, **self.kwargs)
        return getattr(self.receiver, self.method)(*self.args, **self.kwargs)

    def name(self):
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        recv = self.receiver.__name__ if isinstance(self.receiver, type) else repr(self.receiver)
        return f"{recv}.{self.method}({', '.join(parts)})"

    def java(self):
        if isinstance(self.receiver, type):
            return f"callType(PyTypes.{self.receiver.__name__.upper()}, {jstr(self.method)}{''.join(', ' + lit(a) for a in self.args)})"
        if self.kwargs:
            kws = ", ".join(f"{jstr(k)}, {lit(v)}" for k, v in self.kwargs.items())
            return (f"callKw({lit(self.receiver)}, {jstr(self.method)}, kw({kws})"
                    + "".join(", " + lit(a) for a in self.args) + ")")
        return f"call({lit(self.receiver)}, {jstr(self.method)}{''.join(', ' + lit(a) for a in self.args)})"


class Fmt:
    """format(value, spec) through FormatMethods.format."""

    def __init__(self, value, spec):
        self.value = value
        self.spec = spec

    def run(self):
        return format(self.value, self.spec)

    def name(self):
        return f"format({self.value!r}, {self.spec!r})"

    def java(self):
        return f"FormatMethods.format({lit(self.value)}, {jstr(self.spec)})"


def jstr(s):
    out = ['"']
    for unit in utf16_units(s):
        c = chr(unit)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif 0x20 <= unit < 0x7F:
            out.append(c)
        else:
            out.append("\\u%04x" % unit)
    out.append('"')
    return "".join(out)


def utf16_units(s):
    data = s.encode("utf-16-le", "surrogatepass")
    return [data[i] | data[i + 1] << 8 for i in range(0, len(data), 2)]


def lit(v):
    if v is None:
        return "Py.None"
    if v is True:
        return "Boolean.TRUE"
    if v is False:
        return "Boolean.FALSE"
    if isinstance(v, int):
        if -(2 ** 63) <= v < 2 ** 63:
            return f"Long.valueOf({v}L)" if v != -(2 ** 63) else "Long.valueOf(Long.MIN_VALUE)"
        return f'big("{v}")'
    if isinstance(v, float):
        if v != v:
            return "Double.valueOf(Double.NaN)"
        if v == float("inf"):
            return "Double.valueOf(Double.POSITIVE_INFINITY)"
        if v == float("-inf"):
            return "Double.valueOf(Double.NEGATIVE_INFINITY)"
        return f"Double.valueOf({v!r}d)"
    if isinstance(v, complex):
        return f"new PyComplex({double(v.real)}, {double(v.imag)})"
    if isinstance(v, str):
        return jstr(v)
    if isinstance(v, bytes):
        return f"b({jstr(v.decode('latin-1'))})"
    if isinstance(v, bytearray):
        return f"ba({jstr(bytes(v).decode('latin-1'))})"
    if isinstance(v, tuple):
        return f"tuple({', '.join(lit(x) for x in v)})"
    if isinstance(v, list):
        return f"list({', '.join(lit(x) for x in v)})"
    if isinstance(v, dict):
        return f"dict({', '.join(lit(k) + ', ' + lit(x) for k, x in v.items())})"
    if isinstance(v, slice):
        return f"slice({lit(v.start)}, {lit(v.stop)}, {lit(v.step)})"
    raise TypeError(f"no Java literal for {v!r}")


def double(x):
    if x != x:
        return "Double.NaN"
    if x in (float("inf"), float("-inf")):
        return "Double.POSITIVE_INFINITY" if x > 0 else "Double.NEGATIVE_INFINITY"
    return f"{x!r}d"


def expected(case):
    try:
        return shown(case.run())
    except Exception as e:  # noqa: BLE001 - every exception is an expected outcome
        return f"!{type(e).__name__}: {e}"


def shown(v):
    if isinstance(v, float):
        raise TypeError("float results are not rendered by the Java side")
    return repr(v)


def write_class(path, class_name, doc, cases):
    lines = [
        "package dev.gild.runtime;",
        "",
        "import java.util.stream.Stream;",
        "import org.junit.jupiter.api.DynamicTest;",
        "import org.junit.jupiter.api.TestFactory;",
        "",
        "/**",
        f" * {doc}",
        " * Generated by tools/gen_text_tests.py: every expected value was computed by CPython 3.11.",
        " */",
        f"class {class_name} extends TextTestSupport {{",
    ]
    chunk = 60
    for n, start in enumerate(range(0, len(cases), chunk)):
        lines.append("    @TestFactory")
        lines.append(f"    Stream<DynamicTest> cases{n}() {{")
        lines.append("        return Stream.of(")
        body = []
        for case in cases[start:start + chunk]:
            # The call is rendered before it runs: methods like bytearray.pop mutate their receiver.
            name, java = case.name(), case.java()
            body.append(f"            t({jstr(name)}, {jstr(expected(case))}, () -> {java})")
        lines.append(",\n".join(body))
        lines.append("        );")
        lines.append("    }")
        lines.append("")
    lines[-1] = "}"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{path}: {len(cases)} cases")


C = Call

# ---------------------------------------------------------------------------------------- str
WORDS = ["hello world", "HELLO", "mIxEd CaSe", "straße", "élan vital", "3rd place", "o'neil's pub",
         "ΣΊΣΥΦΟΣ", "ǆemal", "ﬁsh", "ÅNGSTRÖM", "", "123", "ΑΣ.", "ΣΑΣ ΣΑΣ", "A\u0345Σ", "İstanbul",
         "ŉ ǰ ᾳ", "Déjà Vu", "hello_world-foo bar", "they're bill's", "ß"]
STR_CASES = []
for w in WORDS:
    for m in ["upper", "lower", "title", "capitalize", "swapcase", "casefold"]:
        STR_CASES.append(C(w, m))

PREDICATE_SAMPLES = ["abc", "ABC", "Abc", "123", "١٢٣", "12.5", "", " ", "\t\n", "abc123", "é", "Title Case",
                     "snake_case", "x²", "½", "ß", "_private", "2abc", "class", "日本", "a b", "-5", "\x1c",
                     "\u200b", "\n", "ǅ", "Ǆ", "ǅungla", "ⅷ", "𝟘", "\U0001F600", "\u00a0", "a\u0301", "Ⅻ"]
for s in PREDICATE_SAMPLES:
    for m in ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "isupper", "islower",
              "istitle", "isidentifier", "isascii", "isprintable"]:
        STR_CASES.append(C(s, m))

S = "Hello, World! Hello!"
STR_CASES += [
    C(S, "find", "Hello"), C(S, "find", "Hello", 1), C(S, "find", "xyz"), C(S, "rfind", "Hello"),
    C(S, "index", "World"), C(S, "rindex", "l"), C(S, "index", "xyz"), C(S, "rindex", "xyz"),
    C(S, "count", "l"), C(S, "count", "Hello"), C(S, "count", ""), C("aaaa", "count", "aa"),
    C("abc", "count", "", 1, 2), C("abc", "count", "", 5), C("abc", "count", "a", "x"),
    C(S, "startswith", "Hell"), C(S, "startswith", ("x", "H")), C(S, "endswith", "!"),
    C(S, "startswith", "World", 7), C(S, "endswith", "Hello", 0, 5), C("abc", "startswith", 1),
    C("abc", "startswith", (1,)), C("abc", "startswith", ("a", 1)), C("abc", "endswith", [1]),
    C("abc", "startswith", "", 5), C("abc", "startswith", "", 3), C("abc", "endswith", "bc", -2),
    C(S, "find", "o", 5, 10), C("abc", "find", ""), C("abc", "find", "", 10), C("abc", "find", "", 3),
    C("abc", "rfind", ""), C("abc", "rfind", "", 1, 2), C("abc", "find", "b", -100, 100),
    C("abc", "find", "a", None, None), C("abc", "find"), C("abc", "find", 1), C("abc", "find", "a", 1, 2, 3),
    C("abc", "find", "c", 10 ** 30), C("abc", "find", "c", -10 ** 30),
    C(S, "replace", "Hello", "Bye"), C(S, "replace", "l", "L", 2), C("aaa", "replace", "a", "bb"),
    C("abc", "replace", "", "-"), C("abc", "replace", "", "-", 2), C("abc", "replace", "b", ""),
    C("", "replace", "", "x"), C("", "replace", "", "x", 0), C("abc", "replace", "a"),
    C("abc", "replace", 1, "b"), C("abc", "replace", "a", "b", -1),
    C("prefix_name", "removeprefix", "prefix_"), C("file.txt", "removesuffix", ".txt"),
    C("abc", "removeprefix", "z"), C("abc", "removesuffix", ""), C("abc", "removeprefix", 1),
    C("a,b,,c", "split", ","), C("a b  c ", "split"), C("  lead", "split", " "), C("a-b-c", "split", "-", 1),
    C("a-b-c", "rsplit", "-", 1), C("", "split"), C("", "split", ","), C("x", "split", ","),
    C("1 2 3", "split", KW(maxsplit=1)), C(" a  b ", "split", " "), C("a\tb\nc  d", "split"),
    C("1,2,3", "split", ",", 0), C("a,b,c", "rsplit", KW(maxsplit=5, sep=",")), C("abc", "split", ""),
    C("abc", "rsplit", ""), C("x\u3000y", "split"), C("  a b c ", "split", None, 1),
    C(" a b ", "rsplit", None, 1), C("  a b c  ", "rsplit", None, 1), C("a b c", "split", None, -5),
    C("abc", "split", 1), C("abc", "split", KW(x=1)), C("abc", "split", "a", 1, 2),
    C("abc", "split", KW(maxsplit="x")), C("a\x1cb\x1dc\x1ed\x1fe\x85f", "split"),
    C("mississippi", "split", "s"), C("mississippi", "rsplit", "ss"), C("a b c", "split", " ", -1),
    C("first line\nsecond line\r\nthird\rfourth\n\nlast", "splitlines"),
    C("first line\nsecond line\r\nthird\rfourth\n\nlast", "splitlines", KW(keepends=True)),
    C("a\nb\n", "splitlines"), C("", "splitlines"), C("\n", "splitlines"),
    C("x\x0by\x0cz\x1cw\u2028v\u2029u\x85t", "splitlines"), C("a\r\nb\rc\n", "splitlines", True),
    C("a", "splitlines", 1, 2),
    C("key=value=x", "partition", "="), C("key=value=x", "rpartition", "="), C("none", "partition", "="),
    C("none", "rpartition", "="), C("abc", "partition", ""), C("abc", "partition", 1), C("abc", "partition"),
    C("-", "join", ["a", "b", "c"]), C("", "join", []), C(", ", "join", "xyz"), C("-", "join", [1, 2]),
    C("abc", "join", ["a", b"x"]), C("a", "join", 5), C("a", "join", ["x"]), C("-", "join", ("p", "q")),
    C("  pad  ", "strip"), C("  pad  ", "lstrip"), C("  pad  ", "rstrip"), C("xxhixx", "strip", "x"),
    C("abcba", "strip", "ab"), C("\u00a0nbsp\u2003", "strip"), C("abc", "strip", 1), C("abc", "strip", None),
    C("😀a😀", "strip", "😀"), C("abc", "strip", "a", "b"),
    C("abc", "center", 9), C("abc", "center", 8, "*"), C("abc", "ljust", 6, "."), C("abc", "rjust", 6),
    C("abcdef", "center", 3), C("é", "center", 5, "ü"), C("ab", "center", 5, "-"), C("ab", "center", 6, "-"),
    C("x", "ljust", 0), C("longer", "rjust", 2), C("", "center", 3), C("abc", "center", 5, "xy"),
    C("abc", "center", 5, 1), C("abc", "center"), C("abc", "center", "5"), C("abc", "ljust", 5, ""),
    C("x", "ljust", -5), C("abc", "center", 6, "😀"),
    C("42", "zfill", 5), C("-42", "zfill", 5), C("+7", "zfill", 4), C("abc", "zfill", 5), C("", "zfill", 2),
    C("abc", "zfill"), C("-", "zfill", 3),
    C("a\tbc\td", "expandtabs"), C("a\tb", "expandtabs", 4), C("\t", "expandtabs", 2), C("ab\tc", "expandtabs", 0),
    C("a\tb", "expandtabs", -1), C("ab\ncd\tx", "expandtabs", 4), C("😀\tx", "expandtabs", 4),
    C("abc", "expandtabs", KW(tabsize=4)),
    C("aabbcc!!", "translate", {97: 120, 98: 121, 99: 122, 33: None}),
    C("hello", "translate", {ord("l"): None, ord("o"): "0"}), C("abc", "translate", {97: "xyz", 98: 66}),
    C("abc", "translate", ["X"] * 100), C("abc", "translate", {97: 1.5}), C("abc", "translate", {97: 0x110000}),
    C("abc", "translate", 5),
    C(str, "maketrans", "abc", "xyz", "!"), C(str, "maketrans", {"a": "1", "b": None}), C(str, "maketrans", "ab", "c"),
    C(str, "maketrans", 1), C(str, "maketrans", {"ab": 1}), C(str, "maketrans", {1.5: 1}),
    C(str, "maketrans", "a", 1), C(str, "maketrans", 1, "a"), C(str, "maketrans", {5: "x"}),
    C("abc", "upper", 1), C("abc", "isdigit", 1),
    C("héllo", "encode"), C("日本", "encode", "utf-8"), C("ok", "encode", "ascii"), C("€", "encode", "latin-1", "replace"),
    C("é", "encode", "ascii"), C("é€", "encode", "ascii"), C("ab€€c", "encode", "ascii"), C("€é", "encode", "latin-1"),
    C("é", "encode", "ascii", KW()), C("é", "encode", KW(encoding="ascii", errors="ignore")),
    C("a€\U0001F600", "encode", "ascii", "backslashreplace"), C("a€\U0001F600", "encode", "ascii", "xmlcharrefreplace"),
    C("𝄞", "encode", "utf-8"), C("𝄞", "encode", "utf-16-le"), C("aé", "encode", "latin-1"), C("x", "encode", "utf-16"),
    C("x", "encode", "utf-32"), C("x\U0001F600", "encode", "utf-16-be"), C("x", "encode", "UTF8"),
    C("x", "encode", "Latin_1"), C("x", "encode", "foo"), C("é", "encode", "ascii", "bar"),
    C("abc", "encode", KW(errors="bar")), C("abc", "encode", 1), C("a", "encode", "utf-8", 1),
    C("\ud800", "encode", "utf-8"), C("a\ud800b", "encode", "utf-16"), C("\ud800", "encode", "utf-8", "replace"),
    C("abc", "encode", "ascii", "strict", 1), C("x", "encode", "utf-8-sig"),
    C("abc", "__getitem__", 1), C("abc", "__getitem__", -1), C("abc", "__getitem__", 5), C("abc", "__getitem__", "x"),
    C("abc", "__getitem__", 1.0), C("abc", "__getitem__", 10 ** 20), C("abc", "__getitem__", True),
    C("naïve café 日本 😀!", "__getitem__", slice(None, None, -1)), C("naïve café 日本 😀!", "__getitem__", -2),
    C("naïve café 日本 😀!", "__getitem__", slice(11, 13, None)), C("abcdef", "__getitem__", slice(1, 5, 2)),
    C("abcdef", "__getitem__", slice(None, None, 0)), C("abcdef", "__getitem__", slice(-2, None, None)),
    C("abcdef", "__getitem__", slice(10 ** 20, None, None)), C("abcdef", "__getitem__", slice(5, 1, -2)),
    C("a😀b😀c", "__getitem__", slice(1, None, 2)), C("a😀b😀c", "__getitem__", 3),
    C("abc", "__contains__", "b"), C("abc", "__contains__", ""), C("abc", "__contains__", 1),
    C("abc", "__len__"), C("😀😀", "__len__"), C("e\u0301", "__len__"),
    C("abc", "__add__", "def"), C("abc", "__mul__", 2), C("abc", "__mul__", -1), C("abc", "__rmul__", 3),
    C("ab", "__mul__", 2 ** 62), C("ab", "__mul__", 10 ** 20), C("abc", "__mul__", True),
    C("a", "__lt__", "b"), C("é", "__gt__", "z"), C("Z", "__lt__", "a"), C("ab", "__lt__", "abc"),
    C("\uffff", "__lt__", "😀"), C("abc", "__eq__", "abc"), C("abc", "__ne__", "abd"), C("a", "__ge__", "a"),
    C("abc", "__repr__"), C("it's", "__repr__"), C('say "x"', "__repr__"), C("both'\"", "__repr__"),
    C("\n\t\\", "__repr__"), C("\x07\x7f\x80\x9f\xa0\xad", "__repr__"), C("\r\x1b", "__repr__"),
    C("unicode ☃ snow", "__repr__"), C("\u200b\u2028\U0001F600\U000E0001\ud800", "__repr__"), C("\u0378", "__repr__"),
    C("abc", "__str__"), C("abc", "__rmod__", "%s!"), C("abc", "__rmod__", 5), C("abc", "__sizeof__"), C("é€", "__sizeof__"),
    C("😀a", "__sizeof__"), C("\xe9a", "__sizeof__"),
]


# ---------------------------------------------------------------------------------------- bytes
B = b"Hello"
BYTES_CASES = [
    C(B, "upper"), C(B, "lower"), C(B, "find", b"l"), C(B, "count", b"l"), C(B, "replace", b"l", b"L"),
    C(B, "split", b"e"), C(B, "decode"), C(B, "decode", "ascii"), C(b"\xe6\x97\xa5", "decode", "utf-8"),
    C(b"\xff\xfe", "decode", "utf-8"), C(b"\xff", "decode", "utf-8", KW(errors="replace")),
    C(b"\xe2\x82x", "decode", "utf-8"), C(b"\xe2\x82", "decode", "utf-8"), C(b"\xe0\x80", "decode"),
    C(b"\xf0\x9f\x98", "decode", "utf-8", "replace"), C(b"\xed\xa0\x80", "decode", "utf-8", "replace"),
    C(b"\xe2\x82x", "decode", "utf-8", "replace"), C(b"a\xffb\xe2\x82", "decode", "utf-8", "backslashreplace"),
    C(b"a\xffb\xe2\x82", "decode", "ascii", "replace"), C(b"a\xff", "decode", "ascii"), C(b"\x80\x81", "decode", "latin-1"),
    C(b"\xff\xfe\x00", "decode", "utf-16"), C(b"\x00\xd8\x00\x00", "decode", "utf-16"), C(b"\x00\xdc", "decode", "utf-16-le"),
    C(b"\x00\xd8", "decode", "utf-16-le"), C(b"\xff\xfex\x00", "decode", "utf-16"), C(b"\x00x", "decode", "utf-16-be"),
    C(b"\x00\x00\x11\x00", "decode", "utf-32"), C(b"ab", "decode", "utf-32-le"),
    C(b"\xff\xfe\x00\x00a\x00\x00\x00", "decode", "utf-32"), C(b"\xff\xfe\x00\x00a\x00\x00\x00", "decode", "utf-32-le"),
    C(b"\xef\xbb\xbfx", "decode", "utf-8-sig"), C(b"abc", "decode", "foo"), C(b"\xff", "decode", "utf-8", "bad"),
    C(b"a", "decode", "utf-8", "bad"), C(b"abc", "decode", 1), C(b"abc", "decode", KW(encoding="ascii")),
    C(b"\x01\xab", "hex"), C(b"\x01\x02", "hex", ":"), C(b"\x01\x02\x03", "hex", ":", 2), C(b"\x01\x02\x03", "hex", "-", -2),
    C(b"\x01\x02\x03\x04\x05", "hex", b"|", 2), C(b"abc", "hex", "::"), C(b"abc", "hex", "é"), C(b"", "hex", ":"),
    C(bytes, "fromhex", "de ad be ef"), C(bytes, "fromhex", "zz"), C(bytes, "fromhex", "a"), C(bytes, "fromhex", "0a 0b"),
    C(bytes, "fromhex", 1), C(bytes, "fromhex", "1 2"), C(bytes, "fromhex", " 12 "), C(bytes, "fromhex", "12\n34"),
    C(bytearray, "fromhex", "41"),
    C(b"abc", "__getitem__", 0), C(b"abc", "__getitem__", -1), C(b"abc", "__getitem__", 5),
    C(b"abc", "__getitem__", slice(1, 3, None)), C(b"abc", "__getitem__", slice(None, None, -1)),
    C(b"abc", "__getitem__", "x"), C(bytearray(b"abc"), "__getitem__", 5), C(bytearray(b"abc"), "__getitem__", "x"),
    C(bytearray(b"xyz"), "__getitem__", slice(None, None, -1)),
    C(B, "__add__", b"!"), C(B, "__mul__", 2), C(B, "__add__", bytearray(b"x")), C(bytearray(b"x"), "__add__", b"y"),
    C(b"abc", "__add__", "def"), C(b"abc", "__add__", 1), C(bytearray(b"abc"), "__mul__", -1),
    C(b"ABC", "__contains__", 65), C(b"ABC", "__contains__", b"BC"), C(b"a", "__contains__", "a"),
    C(b"a", "__contains__", 256), C(b"a", "__contains__", 1),
    C(b"a", "__lt__", b"b"), C(b"abc", "__eq__", bytearray(b"abc")), C(b"abc", "__eq__", "abc"), C(b"abc", "__lt__", "abc"),
    C(bytearray(b"a"), "__lt__", b"b"), C(b"ab", "__lt__", b"abc"), C(b"\xff", "__gt__", b"a"),
    C(b"'", "__repr__"), C(b'"\'', "__repr__"), C(b"\t\n\r\x1b", "__repr__"), C(b"\x7f\x80\\\n\t\r\x1b ", "__repr__"),
    C(bytearray(b"a\x00"), "__repr__"), C(bytearray(b"a"), "__str__"), C(b"x", "__str__"), C(b"x\x00", "__repr__"),
    C(b"abc", "startswith", b"ab"), C(b" x ", "strip"), C(b"a,b", "split", b","), C(b"-", "join", [b"x", b"y"]),
    C(b"abc", "isalpha"), C(b"123", "isdigit"), C(b"", "isalpha"), C(b"Ab", "istitle"), C(b"a", "isupper"),
    C(b"ABC1", "isupper"), C(b"abc", "islower"), C(b"\x0b ", "isspace"), C(b"\x1c", "isspace"), C(b"a1", "isalnum"),
    C(b"\x80", "isascii"), C(b"", "isascii"),
    C(b"abc", "find", "a"), C(b"abc", "find", 300), C(b"abc", "find", 97), C(b"abc", "split", "a"),
    C(b"abc", "split", 1), C(b"abc", "join", [1]), C(b"abc", "join", ["a"]), C(b"a", "join", b"bc"),
    C(b"-", "join", [bytearray(b"x"), b"y"]), C(b"abc", "center", 7, b"*"), C(b"abc", "center", 7, "*"),
    C(b"abc", "center", 7, b"**"), C(b"ab", "ljust", 1, 2, 3), C(b"abc", "strip", "a"), C(b"abc", "strip", b"a"),
    C(b"a,b", "partition", b","), C(bytearray(b"a,b"), "partition", b","), C(bytearray(b"a,b"), "split", b","),
    C(b"a,b", "rpartition", b"x"), C(b"abc", "replace", "a", "b"), C(b"abc", "startswith", "a"),
    C(b"abc", "startswith", (b"a", "x")), C(b"abc", "startswith", (1,)), C(b"abc", "endswith", [1]),
    C(b"abc", "count", 97), C(b"Hello World", "title"), C(b"hello", "capitalize"), C(b"hELLO wORLD", "swapcase"),
    C(b"a\tb", "expandtabs"), C(b"ab", "zfill", 5), C(b"-ab", "zfill", 5), C(b"a\nb\r\nc", "splitlines", True),
    C(b"a\x0bb\x0cc", "splitlines"), C(b"abc", "translate", None, b"b"), C(bytes, "maketrans", b"a", b"bc"),
    C(b"abc", "translate", b"x"), C(b"abc", "translate", None, "b"), C(b"abc", "upper", 1), C(b"abc", "index", b"z"),
    C(b"abc", "rindex", 120), C(b"ab", "split", b""), C(b"a b", "split", None), C(b"abc", "split", KW(maxsplit=1, sep=b"b")),
    C(b"a\x1cb", "split"), C(b"  a b c  ", "rsplit", None, 1), C(b"a-b-c", "rsplit", b"-", 1),
    C(b"abc", "removeprefix", b"a"), C(b"abc", "removesuffix", b"bc"), C(b"a", "removeprefix", "a"),
    C(b"aaa", "replace", b"", b"-"), C(b"aaa", "replace", b"a", b"bb", 2), C(b"abc", "find", b"c", 1, 2),
    C(b"mississippi", "count", b"ss"), C(b"abc", "count", b""), C(b"abc", "find"),
    C(b"%d-%s", "__mod__", (5, b"z")), C(b"%s", "__mod__", "x"), C(b"%y", "__mod__", 1), C(b"%r", "__mod__", 1),
    C(b"%a", "__mod__", "\xe9"), C(b"abc", "__mod__", 1), C(b"abc", "__mod__", b"x"), C(b"abc", "__mod__", [1]),
    C(b"%c", "__mod__", 256), C(b"%c", "__mod__", b"ab"), C(b"%c", "__mod__", b"a"), C(b"%c", "__mod__", 65),
    C(b"%s", "__mod__", bytearray(b"q")), C(b"%b", "__mod__", b"q"), C(b"%5s|", "__mod__", b"q"), C(b"%.1s|", "__mod__", b"qrs"),
    C(b"%(k)s", "__mod__", {b"k": b"v"}), C(b"%(k)s", "__mod__", {"k": b"v"}), C(b"%x %5.2f %d", "__mod__", (255, 1.5, True)),
    C(bytearray(b"%d"), "__mod__", 5), C(b"%s", "__mod__", 5), C(b"%s %s", "__mod__", (b"a",)),
    C(b"\xff%s", "__mod__", b"\xfe"), C(b"%d", "__mod__", "x"),
    C(bytearray(b"ab"), "hex"), C(bytearray(b"ab"), "copy"), C(bytearray(b"abc"), "pop", 5), C(bytearray(b""), "pop"),
    C(bytearray(b"abc"), "pop", -1), C(bytearray(b"abc"), "pop", "x"), C(bytearray(b"a"), "remove", 98),
    C(bytearray(b"a"), "remove", 300), C(bytearray(b"a"), "append", 256), C(bytearray(b"a"), "append", "a"),
    C(bytearray(b"a"), "extend", 5), C(bytearray(b"a"), "extend", "ab"), C(bytearray(b"a"), "extend", [1, 300]),
    C(bytearray(b"abc"), "__setitem__", 5, 1), C(bytearray(b"abc"), "__setitem__", 0, 256),
    C(bytearray(b"abc"), "__setitem__", slice(0, 2, None), 5), C(bytearray(b"abc"), "__setitem__", slice(0, 2, None), "x"),
    C(bytearray(b"abcdef"), "__setitem__", slice(0, 6, 2), b"xy"), C(bytearray(b"abc"), "__delitem__", 5),
    C(bytearray(b"a"), "__iadd__", "x"), C(bytearray(b"abc"), "append"), C(bytearray(b"abc"), "copy", 1),
    C(bytearray(b"abc"), "index", b"z"), C(bytearray(b"abc"), "upper"), C(bytearray(b" a "), "strip"),
    C(b"abc", "__len__"), C(b"x", "__rmod__", b"%s!"), C(b"x", "__rmod__", bytearray(b"%s!")),
    C(bytearray(b"x"), "__rmod__", b"%s!"), C(bytearray(b"x"), "__rmod__", bytearray(b"%s!")), C(b"x", "__rmod__", "%s"),
]

# ---------------------------------------------------------------------------------------- format
F = Fmt
FORMAT_CASES = [
    F(3.14159, ".2f"), F(42, "05d"), F(42, "x"), F(42, "#b"), F(0.5, "%"), F(1234567, ","),
    F("text", "^10"), F("text", "*<8"), F(-3, "+d"), F(3, " d"), F(1e6, "e"), F(1e6, "g"), F(1e16, "g"),
    F(123, ""), F("plain", ""), F(True, "d"), F(12.0, "g"), F(0.0001, "g"), F(0.00001, "g"), F(123456, "g"),
    F(1234567, "g"), F(1.23456789, ".4g"), F(2 ** 64, "_x"), F(-2 ** 64, ","), F(255, "o"), F(65, "c"),
    F(0.1, ".17f"), F(0.1, ".30f"), F(1 / 3, ".0%"), F(-1.5, ".0f"), F("s", "d"), F(1.5, "d"), F(5, ",x"),
    F(-0.0, ".1f"), F(-0.0001, ".2f"), F(0.5, ".0f"), F(10 ** 25, "e"),
    F(1, "abc"), F(1.5, "abc"), F("a", "abc"), F("abc", ","), F("abc", ",s"), F("abc", "+"), F("abc", " "),
    F("abc", "z"), F("abc", "#"), F("abc", "=5"), F("abc", "d"), F("abc", "."), F(1, ".2"), F(1, "z"), F(1, "+c"),
    F(1, "#c"), F(-1, "c"), F(1, ",_"), F(1, "_,"), F(1, ",x"), F(1, "_o"), F(1234567, "_o"), F(1234567, "_x"),
    F(1, "\x01"), F(1, "é"), F(1.5, ",d"), F(1, ",c"), F(1, "99999999999999999999"), F(1, ".99999999999999999999f"),
    F(float("inf"), "010"), F(float("nan"), "+010"), F(-float("nan"), "f"), F(float("-inf"), "010,.2f"),
    F(1234, "0=10,"), F(1234, "010,"), F(-1234, "010,"), F(1234, "x<010,"), F(1234.5, "010,.1f"), F(1e20, ","),
    F(1234.5, "^12,"), F(5, "^4"), F("ab", "^5"), F("ab", "05"), F(5, "<05"), F(-0.0, "z"), F(-0.0001, "z.2f"),
    F(1.0, "n"), F(1234567, "n"), F(1234567.0, "n"), F(True, ""), F(True, "x"), F(True, "^6"), F(1e16, ".3"),
    F(123.0, ".3"), F(123.0, ".4"), F(0.0001, ".3"), F(0.00001, ".3"), F(100.0, ""), F(1.5, "#.0e"),
    F(15.0, "#.3g"), F(0.0, "g"), F(0.0, "e"), F(-0.0, "g"), F(0.0, ".0e"), F(2 ** 1000, "e"), F(2 ** 2000, "e"),
    F(10 ** 20, "%"), F(255, "#X"), F(-255, "#010x"), F(255, "#_b"), F(3, "c"), F(3.5, "%"), F(12345.678, "n"),
    F(1.5, "=+10"), F(1, "="), F("x", "<"), F("é", "é>4"), F(1.5, "10z"), F(1e20, "#"), F(1.0, "#"), F(65, "05c"),
    F(2.675, ".2f"), F(1.005, ".2f"), F(0.125, ".2f"), F(0.375, ".2f"), F(1e16, ".0f"), F(123.456, ".10f"),
    F(1 / 7, ".15f"), F(3, ".2f"), F(10, "e"), F("abc", ".2"), F("abcdef", ">8.3"), F("x", "_<4"), F(12, "#o"),
    F(12, "#X"), F(-12, "#x"), F(2 ** 70, "x"), F(1234.5678, "_.2f"), F(123456789, "_x"), F(0b11110000, "_b"),
    F(-1.5, "+.1f"), F(1.5, " .1f"), F(-1.5, " .1f"), F(1.5, "+g"), F(0.000123456, ".2e"), F(123456, ".2e"),
    F(9.999, ".2f"), F(9.9999, ".3g"), F(100, "=+8"), F(-100, "=8"), F(100, "0=8"), F(12345678901234567890, ","),
    F(0.1, ".20f"), F(1e22, "f"), F(1e-7, "f"), F(123456789012345678.0, "f"), F(5e-324, "g"),
    F(1.7976931348623157e308, "e"), F(1.0, "g"), F(10.0, "g"), F(1e5, "g"), F(123456.0, "g"), F(1234567.0, "g"),
    F(1234.5, ",.2f"), F(-9876543.21, ",.3f"), F(0.4567, ".2%"), F(1234.5, "10,.1f"), F(-1234.5, "=12.2f"),
    F(1e100, ".3e"), F(1e-100, ".3e"), F(-1e-100, "g"), F(0.5, "e"), F(2.5, ".0e"), F(1.5, ".0e"), F(0.25, ".1f"),
    F(0.35, ".1f"), F(123, "+,"), F(-123, " ,"), F(1234, "08,"), F(-1234, "08_"), F(1234.5, "z,.1f"),
    F(1e16, ""), F(float("nan"), ""), F(1.5, ""), F(-0.0, ""), F(1 + 2j, ""), F(2j, ""), F(12, ""), F(True, ""),
    F(float("inf"), "+"), F(float("-inf"), "e"), F(float("inf"), "F"), F(float("nan"), "G"),
    F(1e-5, "G"), F(1e300, "E"), F(0.1, "%"), F(1.25, "^+9.1f"), F(1, "^"), F(7, "*>5"), F(7, "*^6b"),
]

for spec in ["10", "<15", "^15.2f", ".3e", "+", "010", "=10", "%", "d", "g", ",", ",.1f", "*>12", "n", "z", "z.1f", "#",
             ".0f", "#.0f", " ", ".2", "E", "15.3g"]:
    for z in [1 + 2j, -1 - 2j, 2j, -0.0 + 2j, 0j, 1.5 + 2.25j, 1e20 + 1j, complex(float("inf"), float("nan")),
              complex(-0.0, -0.0), 123.456 + 1j]:
        FORMAT_CASES.append(F(z, spec))
for fmt in ["", "10", "<10", ">10", "^10", "010", "+", "-", " ", ".3", "10.3", ",.2f", "e", "E", "%", ".0e", "#.0f"]:
    FORMAT_CASES.append(F(1234.5678, fmt))
for v in [0, 7, -7, 255, 1000000, -1234567]:
    for fmt in ["d", "6d", "<6d", "^7d", "+,d", "x", "#b", "06d"]:
        FORMAT_CASES.append(F(v, fmt))
for v in [0.0, 1.5, -2.25, 3.14159, 1234567.891, 1e-5, 2.5e10, float("inf"), float("nan")]:
    for fmt in ["f", ".1f", "10.3f", "e", ".3g", "g", "%"]:
        FORMAT_CASES.append(F(v, fmt))

PERCENT = [
    ("%s and %s", ("this", "that")), ("%d items", 5), ("%5d|%-5d|%05d|%+d", (42, 42, 42, 42)),
    ("%.2f %10.3f %-10.1f| %e %.3E %g", (3.14159, 2.71828, 1.5, 12345.678, 0.00012, 0.0000123)),
    ("%x %X %o %#x %#o", (255, 255, 8, 255, 8)), ("%r %s", ("quoted", "plain")), ("%c%c", (72, "i")),
    ("%% is a literal percent", ()), ("%(name)s is %(age)d", {"name": "Bo", "age": 7}), ("%*d|%-*d|", (6, 1, 6, 2)), ("%.3s", "abcdef"), ("%s", None), ("%d", True),
    ("%i", -3.9), ("%d", "x"), ("%s %s", ("one",)), ("%s", (1, 2)), ("%.0f %.0f %.0f", (0.5, 1.5, 2.5)),
    ("%5.1f%%", 99.44), ("%s", 2 ** 100), ("%-6s|%6s|", ("ab", "cd")), ("%d%%", 50), ("%r", 1.0), ("%a", "é"),
    ("%s %s", ("a",)), ("%y", 1), ("%", 1), ("%(a)s", 1), ("%(a)s %s", {"a": 1}), ("%c", "ab"), ("%c", 1.5),
    ("%c", 0x110000), ("%x", 1.5), ("%d", None), ("%*d", ("x", 1)), ("%.*d", ("x", 1)), ("%s", ()), ("%(a", {"a": 1}),
    ("abc", 1), ("abc", ()), ("abc", []), ("abc", {}), ("abc", b"x"), ("abc", "x"), ("%y", ()), ("%5%", ()),
    ("%5%", (1,)), ("%f", "x"), ("%d", 1.7), ("%d", float("inf")), ("%d", float("nan")), ("%x", True),
    ("%(a)s %(b)s", {"a": 1}), ("%-05d|", 42), ("%+05d", 42), ("% d", 42), ("%#o", 8),
    ("%#x", -255), ("%#010x", 255), ("%#10x", 255), ("%#X", 255), ("%.5d", 42), ("%.5x", -42), ("%#.5x", 42),
    ("%10.3s|", "abcdef"), ("%-10r|", "a"), ("%c", "é"), ("%5c|", 97), ("%e", 0), ("%#.0f", 1), ("%g", 1e-5),
    ("%G", 1e-5), ("%F", float("inf")), ("%010.2f", -3.14159), ("%+.1e", 12345), ("%d %d", (1, 2.9)), ("%ld", 5), ("%(a)d%%", {"a": 5}), ("%*.*f|", (8, 2, 3.14159)), ("%-*d|", (-5, 1)),
    ("%*d|", (-5, 1)), ("%.*s", (-1, "abc")), ("%s", b"x"), ("%o", 1.5), ("%x", 2 ** 70),
    ("%d", 2 ** 70), ("%.3d", 2 ** 70), ("%u", -3), ("%-+5d|", 3), ("% 05.1f", 2.25), ("%#g", 1.0), ("%.0e", 12345),
    ("%z", 1), ("%(a)", {"a": 1}), ("%((a))s", {"(a)": 5}), ("abc%", ()), ("%s%", (1,)), ("%0*d", (5, 3)),
    ("%c", 256), ("%c", -1), ("%f", 10 ** 400), ("%d", "5"), ("%.2f", 2.675), ("%10s|", "é"), ("%x", 3.0),
    ("%s", "single"), ("%s", [1, 2]), ("%s", (("tuple",),)), ("%s", {"a": 1}), ("%(a)s", [1]), ("%s %s", [1, 2]),
    ("%r", ["é", b"x"]), ("%a", ("é",)), ("%-6.2f|", 3.14159), ("%+s", "x"), ("% 5s|", "x"), ("%#5o|", 8), ("%05s|", "ab"),
    ("%.1f", 0.05), ("%.1f", 0.25), ("%5.3d|", 7), ("%-#8x|", 255), ("%+#x", 255), ("%e", 1e300), ("%g", 123456789),
    ("%.15g", 0.1), ("%.17g", 0.1), ("%r", "it's"), ("%a", "\U0001F600"), ("%s", "😀"), ("%3c|", "😀"),
]
PERCENT_CASES = [C(fmt, "__mod__", args) for fmt, args in PERCENT]

STRFORMAT = [
    ("{} {} {}", (1, "two", 3.5), {}), ("{0} {1} {0}", ("a", "b"), {}), ("{name} is {age}", (), {"name": "Ann", "age": 30}),
    ("{0[0]} {0[1]} {1[key]}", (["x", "y"], {"key": "val"}), {}), ("{:>8}|{:<8}|{:^8}|", ("r", "l", "c"), {}),
    ("{:08.3f} {:+d} {:,} {:.2%}", (3.14159, 5, 1234567, 0.4567), {}), ("{!r} {!s}", ("str", "str"), {}),
    ("{{}} {}", ("braces",), {}), ("{:{fill}{align}{width}}", ("dyn",), {"fill": "-", "align": "^", "width": 9}),
    ("{0:x} {0:o} {0:b} {0:#x}", (2024,), {}), ("{} {} {z}", ("a", "b"), {"z": 26}), ("{:e}", (0.000314,), {}),
    ("{} {}", (1,), {}), ("{missing}", (), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{:,.3f}", (-9876543.21,), {}),
    ("{0:^{1}}", ("mid", 7), {}), ("{0}{1}{0}", ("ab", "-"), {}), ("{:*>{w}}", (7,), {"w": 4}),
    ("{:<6}|{:>8.2f}|{:^5}", ("tea", 2.5, 1), {}), ("}", (), {}), ("{", (), {}), ("a}b", (), {}), ("{}}", (1,), {}),
    ("{{{}}}", (1,), {}), ("{0!x}", (1,), {}), ("{0!}", (1,), {}), ("{0!r:>5}", ("a",), {}), ("{0!rx}", (1,), {}),
    ("{0:{1:{2}}}", (1, 2, 3), {}), ("{0:{1:{2:{3}}}}", (1, 2, 3, 4), {}), ("{[}", (1,), {}), ("{0[}", ([1],), {}),
    ("{0.}", (1,), {}), ("{0[0]x}", ([1],), {}), ("{0[]}", ([1],), {}), ("{a{b}", (), {}), ("{:", (1,), {}),
    ("{0:", (1,), {}), ("{!r", (1,), {}), ("{0", (1,), {}), ("{0[-1]}", ({"-1": "m"},), {}),
    ("{0[a]}", ({"a": 1},), {}), ("{0[1]}", ((5, 6),), {}), ("{0.real}", (5,), {}), ("{0.imag:+}", (3j,), {}), ("{0[1][0]}", ([0, "xy"],), {}), ("{0!r:^9}", ([1],), {}), ("{0[0]}", ({0: "int key"},), {}), ("{0:d}", ("x",), {}), ("{0!a}", ("é",), {}),
    ("{:}", ("empty spec",), {}), ("{0}", (), {}), ("{1}", (1,), {}), ("{00}", ("zero",), {}),
    ("{0.nope}", (5,), {}), ("é{}😀{}", ("x", "y"), {}), ("{:😀^7}", ("ab",), {}),
    ("{0:{1}}", (3.14159, ".2f"), {}), ("{x[1]}", (), {"x": "abc"}), ("{!s:>{}}", ("a", 3), {}),
]
STRFORMAT_CASES = [C(fmt, "format", *args, KW(kwargs)) if kwargs else C(fmt, "format", *args)
                   for fmt, args, kwargs in STRFORMAT]
STRFORMAT_CASES += [C("{a}-{b}", "format_map", {"a": 1, "b": 2}), C("{0}", "format_map", {"a": 1}),
                    C("{a}", "format_map", {}), C("abc", "format_map", 1), C("{a}", "format_map", 1)]

if __name__ == "__main__":
    base = "src/test/java/dev/gild/runtime/"
    write_class(base + "StrMethodsTest.java", "StrMethodsTest",
                "Methods of str (case mapping, predicates, search, split, layout, encode, sequence protocol).",
                STR_CASES)
    write_class(base + "BytesMethodsTest.java", "BytesMethodsTest",
                "Methods of bytes and bytearray, decoding, and bytes % formatting.", BYTES_CASES)
    write_class(base + "FormatTest.java", "FormatTest",
                "format() with the format-spec mini-language, str % formatting, str.format and format_map.",
                FORMAT_CASES + PERCENT_CASES + STRFORMAT_CASES)
