"""Base16, Base32 and Base64 encodings (RFC 4648) on top of binascii."""

import binascii

__all__ = [
    "encode", "decode", "encodebytes", "decodebytes",
    "b64encode", "b64decode", "b32encode", "b32decode", "b32hexencode", "b32hexdecode",
    "b16encode", "b16decode", "standard_b64encode", "standard_b64decode",
    "urlsafe_b64encode", "urlsafe_b64decode", "b85encode", "b85decode",
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r" % s.__class__.__name__)


def _require_bytes(s):
    if not isinstance(s, bytes_types):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    return bytes(s)


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b"+/", altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b"+/"))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b"+/", b"-_")
_urlsafe_decode_translation = bytes.maketrans(b"-_", b"+/")


def urlsafe_b64encode(s):
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)


_B32_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_B32HEX_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"
# Output bytes of a final quantum by the number of '=' that pad it.
_B32_TAIL_BYTES = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    s = _require_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        chunk = s[i:i + 5]
        n = len(chunk)
        acc = int.from_bytes(chunk + bytes(5 - n), "big")
        for shift in range(35, -1, -5):
            out.append(alphabet[(acc >> shift) & 31])
        if n < 5:
            chars = (n * 8 + 4) // 5
            out[len(out) - 8 + chars:] = b"=" * (8 - chars)
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error("Incorrect padding")
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b"01", b"O" + map01))
    if casefold:
        s = s.upper()
    total = len(s)
    s = s.rstrip(b"=")
    padchars = total - len(s)
    values = {c: i for i, c in enumerate(alphabet)}
    decoded = bytearray()
    acc = 0
    for i in range(0, len(s), 8):
        acc = 0
        for c in s[i:i + 8]:
            v = values.get(c)
            if v is None:
                raise binascii.Error("Non-base32 digit found")
            acc = (acc << 5) + v
        quantum = len(s[i:i + 8])
        acc <<= 5 * (8 - quantum)
        decoded += acc.to_bytes(5, "big")
    if padchars not in _B32_TAIL_BYTES:
        raise binascii.Error("Incorrect padding")
    if padchars and decoded:
        keep = _B32_TAIL_BYTES[padchars]
        del decoded[len(decoded) - 5 + keep:]
    return bytes(decoded)


def b32encode(s):
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise binascii.Error("Non-base16 digit found")
    return binascii.unhexlify(s)


_B85_ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                 b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_b85_values = None


def b85encode(b, pad=False):
    """Base85 (as in git and Mercurial): each 4 bytes become 5 characters."""
    if not isinstance(b, bytes_types):
        raise TypeError("memoryview: a bytes-like object is required, not '%s'" % type(b).__name__)
    padding = (-len(b)) % 4
    data = bytes(b) + b"\0" * padding
    out = bytearray()
    for i in range(0, len(data), 4):
        word = int.from_bytes(data[i:i + 4], "big")
        chunk = bytearray(5)
        for j in range(4, -1, -1):
            word, digit = divmod(word, 85)
            chunk[j] = _B85_ALPHABET[digit]
        out += chunk
    if padding and not pad:
        del out[len(out) - padding:]
    return bytes(out)


def b85decode(b):
    global _b85_values
    if _b85_values is None:
        values = [None] * 256
        for i, c in enumerate(_B85_ALPHABET):
            values[c] = i
        _b85_values = values
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b"~" * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        acc = 0
        for j in range(i, i + 5):
            v = _b85_values[b[j]]
            if v is None:
                raise ValueError("bad base85 character at position %d" % j)
            acc = acc * 85 + v
        if acc > 0xffffffff:
            raise ValueError("base85 overflow in hunk starting at byte %d" % i)
        out += acc.to_bytes(4, "big")
    if padding:
        del out[len(out) - padding:]
    return bytes(out)


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    s = _require_bytes(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b"".join(pieces)


def decodebytes(s):
    return binascii.a2b_base64(_require_bytes(s))


def encode(input, output):
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
