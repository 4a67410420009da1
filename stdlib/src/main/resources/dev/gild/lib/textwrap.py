"""Text wrapping and filling: wrap, fill, shorten, dedent, indent and TextWrapper (the chunking
of words and hyphenated words is done by hand, without the re module)."""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "
_WS = frozenset(_whitespace)
# Characters after which a run of dashes is an em-dash (CPython's [\w!"'&.,?]).
_EM_DASH_BEFORE = frozenset("!\"'&.,?")


def _is_word_char(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return (c.isalnum() or c == "_") and not c.isdecimal()


class TextWrapper:
    """Greedy line wrapping of text into lines of at most width characters."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(" "))

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Splits text into whitespace runs and words; with break_on_hyphens, hyphenated words
        break after their hyphens and em-dashes (--) stand alone."""
        chunks = []
        n = len(text)
        i = 0
        if not self.break_on_hyphens:
            while i < n:
                j = i + 1
                is_ws = text[i] in _WS
                while j < n and (text[j] in _WS) == is_ws:
                    j += 1
                chunks.append(text[i:j])
                i = j
            return chunks
        while i < n:
            c = text[i]
            if c in _WS:
                j = i + 1
                while j < n and text[j] in _WS:
                    j += 1
            elif self._em_dash_at(text, i):
                j = i
                while j < n and text[j] == "-":
                    j += 1
            else:
                j = self._word_end(text, i)
            chunks.append(text[i:j])
            i = j
        return chunks

    @staticmethod
    def _em_dash_at(text, i):
        """A run of two or more dashes after a word character or punctuation, before a word."""
        if not text.startswith("--", i) or i == 0:
            return False
        before = text[i - 1]
        if not (_is_word_char(before) or before in _EM_DASH_BEFORE):
            return False
        j = i
        while j < len(text) and text[j] == "-":
            j += 1
        return j < len(text) and _is_word_char(text[j])

    @staticmethod
    def _word_end(text, i):
        """End of the word chunk starting at i: the shortest non-space run that ends at a space
        or the end, after the hyphen of a hyphenated word, or before an em-dash."""
        n = len(text)
        k = i + 1
        while True:
            if k >= n or text[k] in _WS:
                return k
            if text[k] == "-" and TextWrapper._hyphen_break(text, k):
                return k + 1
            if (_is_word_char(text[k - 1]) or text[k - 1] in _EM_DASH_BEFORE) and text.startswith("--", k):
                j = k
                while j < n and text[j] == "-":
                    j += 1
                if j < n and _is_word_char(text[j]):
                    return k
            k += 1

    @staticmethod
    def _hyphen_break(text, k):
        """Whether the hyphen at k splits a hyphenated word: two letters (or letter-hyphen-letter)
        before it, and a letter, an optional hyphen and a letter after it."""
        before_ok = (k >= 2 and _is_letter(text[k - 1]) and _is_letter(text[k - 2])) or \
            (k >= 3 and _is_letter(text[k - 1]) and text[k - 2] == "-" and _is_letter(text[k - 3]))
        if not before_ok:
            return False
        n = len(text)
        j = k + 1
        if j >= n or not _is_letter(text[j]):
            return False
        j += 1
        if j < n and text[j] == "-":
            j += 1
        return j < n and _is_letter(text[j])

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            chunk = chunks[i]
            if chunks[i + 1] == " " and self._ends_sentence(chunk):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    @staticmethod
    def _ends_sentence(chunk):
        end = len(chunk)
        if end and chunk[end - 1] in "\"'":
            end -= 1
        return end >= 2 and chunk[end - 1] in ".!?" and "a" <= chunk[end - 2] <= "z"

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError(f"invalid width {self.width!r} (must be > 0)")
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
                        and cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """The text as a list of lines of at most width characters, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped text as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wraps one paragraph into a list of lines of at most width characters."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wraps one paragraph and joins the lines with newlines."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapses whitespace and truncates to width, ending with the placeholder when cut."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Removes the whitespace common to the start of every non-blank line; lines of only spaces
    and tabs become empty."""
    lines = text.split("\n")
    margin = None
    for index, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            if line:
                lines[index] = ""
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Adds prefix to the lines of text (by default, to the lines that are not blank)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
