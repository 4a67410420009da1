"""Shell-like splitting and quoting (CPython's shlex.split, quote and join, POSIX rules)."""
import re as _re

__all__ = ['split', 'quote', 'join']

_WHITESPACE = ' \t\r\n'
_DOUBLE_QUOTE_ESCAPES = '\\"$`\n'


def split(s, comments=False, posix=True):
    """The words of s as a POSIX shell would split them (quotes and backslashes removed)."""
    if s is None:
        raise ValueError('s argument must not be None')
    if not posix:
        return _split_non_posix(s, comments)
    words = []
    word = []
    in_word = False
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c in _WHITESPACE:
            if in_word:
                words.append(''.join(word))
                word = []
                in_word = False
        elif c == '#' and comments:
            if in_word:
                words.append(''.join(word))
                word = []
                in_word = False
            while i < n and s[i] != '\n':
                i += 1
        elif c == "'":
            in_word = True
            end = s.find("'", i)
            if end < 0:
                raise ValueError('No closing quotation')
            word.append(s[i:end])
            i = end + 1
        elif c == '"':
            in_word = True
            while True:
                if i >= n:
                    raise ValueError('No closing quotation')
                c = s[i]
                i += 1
                if c == '"':
                    break
                if c == '\\':
                    if i >= n:
                        raise ValueError('No closing quotation')
                    if s[i] in _DOUBLE_QUOTE_ESCAPES:
                        c = s[i]
                        i += 1
                word.append(c)
        elif c == '\\':
            if i >= n:
                raise ValueError('No escaped character')
            in_word = True
            word.append(s[i])
            i += 1
        else:
            in_word = True
            word.append(c)
    if in_word:
        words.append(''.join(word))
    return words


def _split_non_posix(s, comments):
    """Non-POSIX mode: a quote opens a quoted word only at the start of a word, and stays in it."""
    words = []
    word = ''
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c in _WHITESPACE:
            if word:
                words.append(word)
                word = ''
        elif c == '#' and comments:
            if word:
                words.append(word)
                word = ''
            while i < n and s[i] != '\n':
                i += 1
        elif c in '\'"' and not word:
            end = s.find(c, i)
            if end < 0:
                raise ValueError('No closing quotation')
            words.append(s[i - 1:end + 1])
            i = end + 1
        else:
            word += c
    if word:
        words.append(word)
    return words


_unsafe = _re.compile(r'[^\w@%+=:,./-]', _re.ASCII).search


def quote(s):
    """s quoted for a POSIX shell (unchanged when it needs no quoting)."""
    if not s:
        return "''"
    if _unsafe(s) is None:
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    """The inverse of split(): the words quoted and joined with spaces."""
    return ' '.join(quote(arg) for arg in split_command)
