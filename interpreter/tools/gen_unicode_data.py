#!/usr/bin/env python3
"""Generates src/main/resources/dev/gild/runtime/unicode.dat from the running CPython.

Gild's str methods must agree with CPython 3.11 character by character, and the JDK's Character
class follows a different Unicode version and has no casefold, full titlecase or Python's
isdigit/isnumeric/isprintable. So the properties are taken from python3 itself: run this script
with the CPython whose behaviour Gild follows (3.11) and commit the output.

Format (big-endian, read by UnicodeData.java):
  int magic 'GUD1'
  int runCount, then runCount x (int firstCodePoint, short flags): the flags of every code point
      from firstCodePoint up to the next run's first code point
  int caseCount, then caseCount x (int codePoint, 4 x (short length, length x UTF-16 char)):
      the full lower, upper, title and casefold mappings of each code point with any mapping
      that is not the code point itself
"""
import struct
import sys

ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE, PRINTABLE, LOWER, UPPER, TITLE, CASE_IGNORABLE, \
    XID_START, XID_CONTINUE, HAS_CASE_MAPPING, CASED = (1 << i for i in range(14))

SIGMA = "\u03a3"


def flags_of(cp):
    c = chr(cp)
    f = 0
    if c.isalpha(): f |= ALPHA
    if c.isdecimal(): f |= DECIMAL
    if c.isdigit(): f |= DIGIT
    if c.isnumeric(): f |= NUMERIC
    if c.isspace(): f |= SPACE
    if c.isprintable(): f |= PRINTABLE
    # For one character CPython's islower/isupper read the LOWER/UPPER flags directly and
    # istitle is TITLE or UPPER.
    if c.islower(): f |= LOWER
    if c.isupper(): f |= UPPER
    if c.istitle() and not c.isupper(): f |= TITLE
    cased = (c + "A").title()[-1] == "a"
    if cased: f |= CASED
    # Case_Ignorable, observed through the final sigma rule of str.lower(): a capital sigma after
    # a cased letter becomes final unless a cased letter follows, and case-ignorable characters
    # in between are skipped.
    if cased:
        ignorable = ("1" + c + SIGMA).lower()[-1] == "\u03c3"
    else:
        ignorable = ("A" + c + SIGMA).lower()[-1] == "\u03c2"
    if ignorable: f |= CASE_IGNORABLE
    if c.isidentifier(): f |= XID_START
    if ("a" + c).isidentifier(): f |= XID_CONTINUE
    if 0xD800 <= cp <= 0xDFFF:
        return f
    if c.lower() != c or c.upper() != c or c.title() != c or c.casefold() != c:
        f |= HAS_CASE_MAPPING
    return f


def utf16(s):
    data = s.encode("utf-16-be")
    return struct.pack(">H", len(data) // 2) + data


def main(path):
    assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
    runs = []
    previous = None
    cases = []
    for cp in range(0x110000):
        f = flags_of(cp)
        if f != previous:
            runs.append((cp, f))
            previous = f
        if f & HAS_CASE_MAPPING:
            c = chr(cp)
            cases.append((cp, c.lower(), c.upper(), c.title(), c.casefold()))
    out = bytearray(b"GUD1")
    out += struct.pack(">i", len(runs))
    for cp, f in runs:
        out += struct.pack(">iH", cp, f)
    out += struct.pack(">i", len(cases))
    for cp, lower, upper, title, fold in cases:
        out += struct.pack(">i", cp)
        for s in (lower, upper, title, fold):
            out += utf16(s)
    with open(path, "wb") as fh:
        fh.write(out)
    print(f"{len(runs)} runs, {len(cases)} case mappings, {len(out)} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/dev/gild/runtime/unicode.dat")
