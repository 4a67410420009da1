"""CSV reading and writing with the API, dialects and output of CPython's csv module."""

__all__ = ['QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE', 'Error', 'Dialect',
           'excel', 'excel_tab', 'unix_dialect', 'reader', 'writer', 'register_dialect',
           'get_dialect', 'list_dialects', 'unregister_dialect', 'field_size_limit', 'DictReader',
           'DictWriter', '__version__']

__version__ = '1.0'
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)
_field_limit = 128 * 1024
_dialects = {}


class Error(Exception):
    pass


class Dialect:
    """Formatting parameters; subclass it and set the class attributes to define a dialect."""
    _name = ''
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False

    def __init__(self):
        if self.__class__ is not Dialect:
            self._valid = True
        _Settings(self, {})


class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = '\t'


class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


def _check_char(name, value, allow_none):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        if allow_none:
            raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Settings:
    """A validated dialect: what reader/writer objects expose as .dialect."""

    def __init__(self, dialect, overrides):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def pick(name, default):
            if name in overrides:
                return overrides[name]
            if dialect is not None and hasattr(dialect, name):
                value = getattr(dialect, name)
                if value is not None or name in ('escapechar', 'quotechar'):
                    return value
            return default

        for key in overrides:
            if key not in ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace',
                           'lineterminator', 'quoting', 'strict'):
                raise TypeError("'%s' is an invalid keyword argument for Dialect()" % key)
        self.delimiter = _check_char('delimiter', pick('delimiter', ','), False)
        self.escapechar = _check_char('escapechar', pick('escapechar', None), True)
        self.doublequote = bool(pick('doublequote', True))
        self.skipinitialspace = bool(pick('skipinitialspace', False))
        self.strict = bool(pick('strict', False))
        quoting = pick('quoting', QUOTE_MINIMAL)
        if not isinstance(quoting, int) or quoting not in (0, 1, 2, 3):
            raise TypeError('bad "quoting" value')
        self.quoting = quoting
        quotechar = pick('quotechar', '"')
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        self.quotechar = _check_char('quotechar', quotechar, True)
        lineterminator = pick('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string, not %s' % type(lineterminator).__name__)
        self.lineterminator = lineterminator


def register_dialect(name, dialect=None, **fmtparams):
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _Settings(dialect, fmtparams)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error('unknown dialect')
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    """Returns the field size limit; with an argument, sets a new one."""
    global _field_limit
    if len(args) > 1:
        raise TypeError('field_size_limit expected at most 1 argument, got %d' % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError('limit must be an integer')
        _field_limit = args[0]
    return old


_dialects['excel'] = _Settings(excel, {})
_dialects['excel-tab'] = _Settings(excel_tab, {})
_dialects['unix'] = _Settings(unix_dialect, {})

# reader states
_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD, _ESCAPE_IN_QUOTED_FIELD, \
    _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL = range(9)


class _Reader:
    """Iterates over the rows (lists of str) of an iterable of lines."""

    def __init__(self, lines, dialect, overrides):
        self._lines = iter(lines)
        self.dialect = _Settings(dialect, overrides)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        delimiter = d.delimiter
        quotechar = d.quotechar if d.quoting != QUOTE_NONE else None
        escapechar = d.escapechar
        strict = d.strict
        row = []
        field = []
        state = _START_RECORD
        unquoted = True
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if field or state == _IN_QUOTED_FIELD:
                    if strict:
                        raise Error('unexpected end of data')
                    self._save(row, field, unquoted)
                    return row
                if row:
                    return row
                raise
            self.line_num += 1
            if not isinstance(line, str):
                raise Error('iterator should return strings, not %s (the file should be opened in text mode)'
                            % type(line).__name__)
            if '\0' in line:
                raise Error('line contains NUL')
            # each character of the line, then None for the end of the line
            for c in list(line) + [None]:
                if state == _START_RECORD:
                    if c is None:
                        break
                    if c == '\n' or c == '\r':
                        state = _EAT_CRNL
                        continue
                    state = _START_FIELD
                if state == _START_FIELD:
                    if c is None or c == '\n' or c == '\r':
                        self._save(row, field, True)
                        unquoted = True
                        state = _START_RECORD if c is None else _EAT_CRNL
                    elif c == quotechar:
                        unquoted = False
                        state = _IN_QUOTED_FIELD
                    elif c == escapechar:
                        state = _ESCAPED_CHAR
                    elif c == ' ' and d.skipinitialspace:
                        pass
                    elif c == delimiter:
                        self._save(row, field, True)
                        unquoted = True
                    else:
                        self._add(field, c)
                        state = _IN_FIELD
                elif state == _ESCAPED_CHAR:
                    if c == '\n' or c == '\r':
                        self._add(field, c)
                        state = _AFTER_ESCAPED_CRNL
                        continue
                    if c is None:
                        c = '\n'
                    self._add(field, c)
                    state = _IN_FIELD
                elif state == _AFTER_ESCAPED_CRNL:
                    if c is None:
                        continue
                    state = _IN_FIELD
                    if c == '\n' or c == '\r':
                        self._save(row, field, unquoted)
                        unquoted = True
                        state = _EAT_CRNL
                    elif c == escapechar:
                        state = _ESCAPED_CHAR
                    elif c == delimiter:
                        self._save(row, field, unquoted)
                        unquoted = True
                        state = _START_FIELD
                    else:
                        self._add(field, c)
                elif state == _IN_FIELD:
                    if c is None or c == '\n' or c == '\r':
                        self._save(row, field, unquoted)
                        unquoted = True
                        state = _START_RECORD if c is None else _EAT_CRNL
                    elif c == escapechar:
                        state = _ESCAPED_CHAR
                    elif c == delimiter:
                        self._save(row, field, unquoted)
                        unquoted = True
                        state = _START_FIELD
                    else:
                        self._add(field, c)
                elif state == _IN_QUOTED_FIELD:
                    if c is None:
                        pass
                    elif c == escapechar:
                        state = _ESCAPE_IN_QUOTED_FIELD
                    elif c == quotechar:
                        state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
                    else:
                        self._add(field, c)
                elif state == _ESCAPE_IN_QUOTED_FIELD:
                    self._add(field, '\n' if c is None else c)
                    state = _IN_QUOTED_FIELD
                elif state == _QUOTE_IN_QUOTED_FIELD:
                    if c is not None and c == quotechar:
                        self._add(field, c)
                        state = _IN_QUOTED_FIELD
                    elif c == delimiter:
                        self._save(row, field, unquoted)
                        unquoted = True
                        state = _START_FIELD
                    elif c is None or c == '\n' or c == '\r':
                        self._save(row, field, unquoted)
                        unquoted = True
                        state = _START_RECORD if c is None else _EAT_CRNL
                    elif not strict:
                        self._add(field, c)
                        state = _IN_FIELD
                    else:
                        raise Error("'%s' expected after '%s'" % (delimiter, quotechar))
                elif state == _EAT_CRNL:
                    if c == '\n' or c == '\r':
                        pass
                    elif c is None:
                        state = _START_RECORD
                    else:
                        raise Error("new-line character seen in unquoted field - "
                                    "do you need to open the file with newline=''?")
            if state == _START_RECORD:
                return row

    def _add(self, field, c):
        if len(field) >= _field_limit:
            raise Error('field larger than field limit (%d)' % _field_limit)
        field.append(c)

    def _save(self, row, field, unquoted):
        text = ''.join(field)
        field.clear()
        if unquoted and self.dialect.quoting == QUOTE_NONNUMERIC and text:
            row.append(float(text))
        else:
            row.append(text)


class _Writer:
    """Writes rows as delimited lines to an object with a write() method."""

    def __init__(self, fileobj, dialect, overrides):
        self._write = getattr(fileobj, 'write', None)
        if self._write is None:
            raise TypeError('argument 1 must have a "write" method')
        self.dialect = _Settings(dialect, overrides)

    def writerow(self, row):
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error('iterable expected, not %s' % type(row).__name__) from None
        parts = []
        count = 0
        for value in fields:
            count += 1
            if value is None:
                text = ''
                numeric = False
            elif isinstance(value, str):
                text = value
                numeric = False
            else:
                text = str(value)
                numeric = isinstance(value, (int, float, complex)) or hasattr(value, '__float__')
            parts.append(self._quote(text, d.quoting == QUOTE_ALL or
                                     (d.quoting == QUOTE_NONNUMERIC and not numeric)))
        if count == 1 and parts[0] == '':
            if d.quoting == QUOTE_NONE:
                raise Error('single empty field record must be quoted')
            parts[0] = d.quotechar * 2
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def _quote(self, text, quoted):
        d = self.dialect
        out = []
        needs_quotes = quoted
        for c in text:
            if c == d.delimiter or c == d.quotechar or c == d.escapechar or c in d.lineterminator \
                    or c == '\n' or c == '\r':
                escape = False
                if d.quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(c)
                        else:
                            escape = True
                    elif c == d.escapechar:
                        escape = True
                    if not escape:
                        needs_quotes = True
                if escape:
                    if d.escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d.escapechar)
            out.append(c)
        body = ''.join(out)
        if needs_quotes and d.quoting != QUOTE_NONE:
            return d.quotechar + body + d.quotechar
        return body

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def reader(csvfile, dialect='excel', **fmtparams):
    """An iterator of rows (lists of str) over the lines of csvfile."""
    return _Reader(csvfile, dialect, fmtparams)


def writer(csvfile, dialect='excel', **fmtparams):
    """A writer whose writerow(s) write delimited lines to csvfile."""
    return _Writer(csvfile, dialect, fmtparams)


class DictReader:
    """Reads rows as dicts keyed by the first row (or by fieldnames)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect='excel', *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds) if args else _Reader(f, dialect, kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
            self.line_num = self.reader.line_num
        result = dict(zip(self.fieldnames, row))
        names = len(self.fieldnames)
        values = len(row)
        if names < values:
            result[self.restkey] = row[names:]
        elif names > values:
            for key in self.fieldnames[values:]:
                result[key] = self.restval
        return result


class DictWriter:
    """Writes dicts as rows, in the order of fieldnames."""

    def __init__(self, f, fieldnames, restval='', extrasaction='raise', dialect='excel', *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds) if args else _Writer(f, dialect, kwds)

    def writeheader(self):
        return self.writer.writerow(list(self.fieldnames))

    def _dict_to_list(self, rowdict):
        if self.extrasaction == 'raise':
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError('dict contains fields not in fieldnames: '
                                 + ', '.join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
