#!/usr/bin/env python3
"""Generates Gild's Unicode tables from the running CPython.

Gild's str methods must agree with CPython 3.11 character by character, and the JDK's Character
class follows a different Unicode version and has no casefold, full titlecase or Python's
isdigit/isnumeric/isprintable. So the properties are taken from python3 itself: run this script
from interpreter/ with the CPython whose behaviour Gild follows (3.11) and commit the output.

src/main/resources/dev/gild/runtime/unicode-flags.dat (big-endian, read by UnicodeData.java):
  int magic 'GUF1'
  int indexLength, then indexLength x u16: the block number of each run of 128 code points
  int blockCount, then blockCount x 128 x u16: the property flags of the code points of a block
src/main/resources/dev/gild/runtime/unicode-case.dat:
  int magic 'GUC1'
  int count, then count x int: the code points that have a case mapping, ascending
  int poolLength, then poolLength x u16: the UTF-16 text of all mappings, four per code point
      (lower, upper, title, casefold) in the order of the code points
  then (count * 4 + 1) x int: where each mapping starts in the pool (the last is poolLength)
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


BLOCK_SHIFT = 7
BLOCK_SIZE = 1 << BLOCK_SHIFT


def main(directory):
    assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
    flags = [flags_of(cp) for cp in range(0x110000)]
    blocks = {}
    index = []
    for b in range(0x110000 >> BLOCK_SHIFT):
        block = tuple(flags[b << BLOCK_SHIFT:(b + 1) << BLOCK_SHIFT])
        index.append(blocks.setdefault(block, len(blocks)))
    out = bytearray(b"GUF1")
    out += struct.pack(">i", len(index)) + struct.pack(f">{len(index)}H", *index)
    out += struct.pack(">i", len(blocks))
    for block in sorted(blocks, key=blocks.get):
        out += struct.pack(f">{BLOCK_SIZE}H", *block)
    with open(directory + "/unicode-flags.dat", "wb") as fh:
        fh.write(out)

    cased = [cp for cp in range(0x110000) if flags[cp] & HAS_CASE_MAPPING]
    pool = []
    offsets = []
    for cp in cased:
        c = chr(cp)
        for mapped in (c.lower(), c.upper(), c.title(), c.casefold()):
            offsets.append(len(pool))
            data = mapped.encode("utf-16-be")
            pool += [data[i] << 8 | data[i + 1] for i in range(0, len(data), 2)]
    offsets.append(len(pool))
    case = bytearray(b"GUC1")
    case += struct.pack(">i", len(cased)) + struct.pack(f">{len(cased)}i", *cased)
    case += struct.pack(">i", len(pool)) + struct.pack(f">{len(pool)}H", *pool)
    case += struct.pack(f">{len(offsets)}i", *offsets)
    with open(directory + "/unicode-case.dat", "wb") as fh:
        fh.write(case)
    print(f"{len(blocks)} blocks ({len(out)} bytes), {len(cased)} case mappings ({len(case)} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/dev/gild/runtime")
