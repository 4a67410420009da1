"""String constants, capwords, Template ($-substitution) and Formatter (str.format's engine,
overridable piece by piece)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
           "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Splits on sep, capitalizes each word, joins with sep (one space when sep is None)."""
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


# ---------------------------------------------------------------- Template

_ID_START = frozenset("_" + ascii_letters)
_ID_CHARS = frozenset("_" + ascii_letters + digits)
_DEFAULT_IDPATTERN = r"(?a:[_a-z][_a-z0-9]*)"


class _TemplateMatch:
    """One placeholder: its span, and the name (named or braced), the escaped delimiter, or for an
    invalid placeholder the index just after its delimiter."""

    __slots__ = ("start", "end", "named", "braced", "escaped", "invalid")

    def __init__(self, start, end, named=None, braced=None, escaped=None, invalid=None):
        self.start = start
        self.end = end
        self.named = named
        self.braced = braced
        self.escaped = escaped
        self.invalid = invalid


class Template:
    """A string with $-placeholders: $name, ${name}, and $$ for a literal $."""

    delimiter = "$"
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = None

    def __init_subclass__(cls):
        super().__init_subclass__()

    def __init__(self, template):
        self.template = template

    def _custom_pattern(self):
        """The compiled pattern when a subclass customises idpattern/braceidpattern/pattern."""
        cls = type(self)
        if "pattern" not in dir(cls) and cls.idpattern == _DEFAULT_IDPATTERN and cls.braceidpattern is None:
            return None
        import re
        pattern = getattr(cls, "pattern", None)
        if pattern is None:
            delim = re.escape(cls.delimiter)
            id_ = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            pattern = (f"{delim}(?:(?P<escaped>{delim})|(?P<named>{id_})|{{(?P<braced>{bid})}}|"
                       f"(?P<invalid>))")
            flags = cls.flags if cls.flags is not None else re.IGNORECASE
            pattern = re.compile(pattern, flags | re.VERBOSE)
            cls.pattern = pattern
        elif isinstance(pattern, str):
            pattern = re.compile(pattern, cls.flags if cls.flags is not None else re.IGNORECASE)
        return pattern

    def _matches(self):
        custom = self._custom_pattern()
        if custom is not None:
            for m in custom.finditer(self.template):
                invalid = m.start("invalid") if m.group("invalid") is not None else None
                yield _TemplateMatch(m.start(), m.end(), m.group("named"), m.group("braced"),
                                     m.group("escaped"), invalid)
            return
        text = self.template
        delim = self.delimiter
        n = len(text)
        dlen = len(delim)
        i = text.find(delim)
        while i >= 0:
            j = i + dlen
            if text.startswith(delim, j):
                yield _TemplateMatch(i, j + dlen, escaped=delim)
                i = text.find(delim, j + dlen)
                continue
            if j < n and text[j] in _ID_START:
                k = j + 1
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                yield _TemplateMatch(i, k, named=text[j:k])
                i = text.find(delim, k)
                continue
            if j < n and text[j] == "{" and j + 1 < n and text[j + 1] in _ID_START:
                k = j + 2
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                if k < n and text[k] == "}":
                    yield _TemplateMatch(i, k + 1, braced=text[j + 1:k])
                    i = text.find(delim, k + 1)
                    continue
            yield _TemplateMatch(i, j, invalid=j)
            i = text.find(delim, j)

    def _invalid(self, start):
        lines = self.template[:start].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = start - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def _render(self, convert):
        parts = []
        pos = 0
        for m in self._matches():
            parts.append(self.template[pos:m.start])
            parts.append(convert(m))
            pos = m.end
        parts.append(self.template[pos:])
        return "".join(parts)

    def substitute(self, mapping=None, /, **kws):
        """Replaces every placeholder; KeyError for a missing name, ValueError for a bad one."""
        mapping = _merge(mapping, kws)

        def convert(m):
            named = m.named if m.named is not None else m.braced
            if named is not None:
                return str(mapping[named])
            if m.escaped is not None:
                return self.delimiter
            if m.invalid is not None:
                self._invalid(m.invalid)
            raise ValueError("Unrecognized named group in pattern", self.pattern)
        return self._render(convert)

    def safe_substitute(self, mapping=None, /, **kws):
        """Like substitute, but leaves missing or invalid placeholders as they are."""
        mapping = _merge(mapping, kws)

        def convert(m):
            named = m.named if m.named is not None else m.braced
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return self.template[m.start:m.end]
            if m.escaped is not None:
                return self.delimiter
            return self.template[m.start:m.end]
        return self._render(convert)

    def is_valid(self):
        return all(m.invalid is None for m in self._matches())

    def get_identifiers(self):
        ids = []
        for m in self._matches():
            named = m.named if m.named is not None else m.braced
            if named is not None and named not in ids:
                ids.append(named)
        return ids


def _merge(mapping, kws):
    if mapping is None:
        return kws
    if kws:
        return _ChainLookup(kws, mapping)
    return mapping


class _ChainLookup:
    """Keyword arguments first, then the mapping: what substitute(mapping, **kws) looks names up in."""

    __slots__ = ("first", "second")

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


# ---------------------------------------------------------------- Formatter

def _parse_format(format_string):
    """str.format's grammar: yields (literal, field_name, format_spec, conversion)."""
    n = len(format_string)
    i = 0
    literal = []
    while i < n:
        c = format_string[i]
        if c == "{":
            if i + 1 < n and format_string[i + 1] == "{":
                literal.append("{")
                i += 2
                continue
            # A replacement field: find its end, counting nested braces in the spec.
            depth = 1
            j = i + 1
            while j < n and depth:
                if format_string[j] == "{":
                    depth += 1
                elif format_string[j] == "}":
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            field = format_string[i + 1:j - 1]
            name, conversion, spec = _split_field(field)
            yield "".join(literal), name, spec, conversion
            literal = []
            i = j
        elif c == "}":
            if i + 1 < n and format_string[i + 1] == "}":
                literal.append("}")
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal.append(c)
            i += 1
    if literal:
        yield "".join(literal), None, None, None


def _split_field(field):
    """'name!r:spec' -> ('name', 'r', 'spec'); brackets in the name may hold ':' and '!'."""
    i = 0
    n = len(field)
    while i < n:
        c = field[i]
        if c == "[":
            close = field.find("]", i)
            i = n if close < 0 else close + 1
            continue
        if c in "!:":
            break
        i += 1
    name = field[:i]
    conversion = None
    spec = ""
    if i < n and field[i] == "!":
        if i + 1 >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = field[i + 1]
        i += 2
        if i < n and field[i] != ":":
            raise ValueError("expected ':' after conversion specifier")
    if i < n and field[i] == ":":
        spec = field[i + 1:]
    return name, conversion, spec


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)])."""
    i = 0
    n = len(name)
    while i < n and name[i] not in ".[":
        i += 1
    first = name[:i]
    rest = []
    while i < n:
        if name[i] == ".":
            j = i + 1
            while j < n and name[j] not in ".[":
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif name[i] == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    if first.isdigit():
        first = int(first)
    return first, rest


class Formatter:
    """str.format as overridable steps: parse, get_field, get_value, convert_field, format_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.split(".")[0].split("[")[0].isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(format_spec, args, kwargs, used_args,
                                                        recursion_depth - 1, auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = getattr(obj, i) if is_attr else obj[i]
        return obj, first
