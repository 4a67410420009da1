"""fnmatch: Unix shell-style wildcards (*, ?, [seq], [!seq]).

Patterns are matched by a small backtracking matcher over parsed tokens (cached per pattern), so
the module needs no regular-expression engine; translate() still gives CPython's regex text.
"""
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}
_CACHE_MAX = 256


def _parse(pat):
    """Tokens: ('*',), ('?',), ('lit', text), ('set', negate, items) with items chars or (lo, hi)."""
    tokens = []
    i = 0
    n = len(pat)
    literal = []
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if literal:
                tokens.append(("lit", "".join(literal)))
                literal = []
            if not tokens or tokens[-1][0] != "*":
                tokens.append(("*",))
        elif c == "?":
            if literal:
                tokens.append(("lit", "".join(literal)))
                literal = []
            tokens.append(("?",))
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                literal.append("[")
                continue
            body = pat[i:j]
            i = j + 1
            negate = body.startswith("!")
            if negate:
                body = body[1:]
            items = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    if body[k] <= body[k + 2]:
                        items.append((body[k], body[k + 2]))
                    k += 3
                else:
                    items.append(body[k])
                    k += 1
            if literal:
                tokens.append(("lit", "".join(literal)))
                literal = []
            tokens.append(("set", negate, items))
        else:
            literal.append(c)
    if literal:
        tokens.append(("lit", "".join(literal)))
    return tokens


def _in_set(ch, token):
    found = False
    for item in token[2]:
        if isinstance(item, tuple):
            if item[0] <= ch <= item[1]:
                found = True
                break
        elif item == ch:
            found = True
            break
    return found != token[1]


def _match(tokens, t, name, s):
    nt = len(tokens)
    ns = len(name)
    while t < nt:
        tok = tokens[t]
        kind = tok[0]
        if kind == "lit":
            text = tok[1]
            if not name.startswith(text, s):
                return False
            s += len(text)
        elif kind == "?":
            if s >= ns:
                return False
            s += 1
        elif kind == "set":
            if s >= ns or not _in_set(name[s], tok):
                return False
            s += 1
        else:
            if t + 1 == nt:
                return True
            nxt = tokens[t + 1]
            for start in range(s, ns + 1):
                if nxt[0] == "lit" and not name.startswith(nxt[1], start):
                    continue
                if _match(tokens, t + 1, name, start):
                    return True
            return False
        t += 1
    return s == ns


def _compiled(pat):
    tokens = _cache.get(pat)
    if tokens is None:
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        tokens = _cache[pat] = _parse(pat)
    return tokens


def fnmatchcase(name, pat):
    if isinstance(name, bytes):
        name = name.decode("latin-1")
        pat = pat.decode("latin-1")
    return _match(_compiled(pat), 0, name, 0)


def fnmatch(name, pat):
    name = posixpath._fspath(name)
    pat = posixpath._fspath(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    tokens = _compiled(pat)
    return [name for name in names if _match(tokens, 0, name, 0)]


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def _escape(text):
    return "".join("\\" + c if c in _SPECIAL else c for c in text)


def translate(pat):
    """The regular expression (as CPython writes it) matching what pat matches."""
    parts = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not parts or parts[-1] is not None:
                parts.append(None)
        elif c == "?":
            parts.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                parts.append("\\[")
                continue
            stuff = pat[i:j]
            i = j + 1
            if "-" not in stuff:
                stuff = stuff.replace("\\", "\\\\")
            else:
                chunks = []
                k = 2 if pat[i - len(stuff) - 1] == "!" else 1
                start = 0
                rest = stuff
                while True:
                    k = rest.find("-", k)
                    if k < 0:
                        break
                    chunks.append(rest[start:k])
                    start = k + 1
                    k = k + 3
                chunk = rest[start:]
                if chunk:
                    chunks.append(chunk)
                else:
                    chunks[-1] += "-"
                for m in range(len(chunks) - 1, 0, -1):
                    if chunks[m - 1][-1] > chunks[m][0]:
                        chunks[m - 1] = chunks[m - 1][:-1] + chunks[m][1:]
                        del chunks[m]
                stuff = "-".join(s.replace("\\", "\\\\").replace("-", "\\-") for s in chunks)
            for ch in "&~|":
                stuff = stuff.replace(ch, "\\" + ch)
            if not stuff:
                parts.append("(?!)")
            elif stuff == "!":
                parts.append(".")
            else:
                if stuff[0] == "!":
                    stuff = "^" + stuff[1:]
                elif stuff[0] in ("^", "["):
                    stuff = "\\" + stuff
                parts.append("[" + stuff + "]")
        else:
            parts.append(_escape(c))
    out = []
    k = 0
    n = len(parts)
    while k < n and parts[k] is not None:
        out.append(parts[k])
        k += 1
    while k < n:
        k += 1
        if k == n:
            out.append(".*")
            break
        fixed = []
        while k < n and parts[k] is not None:
            fixed.append(parts[k])
            k += 1
        fixed = "".join(fixed)
        if k == n:
            out.append(".*")
            out.append(fixed)
        else:
            out.append("(?>.*?" + fixed + ")")
    return "(?s:" + "".join(out) + ")\\Z"
