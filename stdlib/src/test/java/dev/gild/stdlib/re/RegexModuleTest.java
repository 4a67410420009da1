package dev.gild.stdlib.re;

import static dev.gild.stdlib.PythonSnippets.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The Python-to-Java regex translation and the re module, against CPython 3.11's results. */
class RegexModuleTest {
    private static String re(String expression) {
        return eval("import re", expression);
    }

    private static boolean javaFinds(String python, int flags, String text) {
        RegexTranslator t = RegexTranslator.translate(python, flags, false);
        return Pattern.compile(t.javaSource(), Pattern.UNIX_LINES).matcher(text).find();
    }

    @Test
    void translationKeepsPythonSemantics() {
        assertEquals(true, javaFinds("a$", 0, "a\n"));
        assertEquals(false, javaFinds("a\\Z", 0, "a\n"));
        assertEquals(true, javaFinds("\\s", 0, "\u001c"));
        assertEquals(true, javaFinds("^b", RegexTranslator.MULTILINE, "a\nb"));
        assertEquals(false, javaFinds("^b", 0, "a\nb"));
        assertEquals(true, javaFinds("\\bé", 0, " é"));
        assertEquals(false, javaFinds("(?a)\\w", 0, "é"));
        assertEquals(true, javaFinds("[]a]", 0, "]"));
        assertEquals(true, javaFinds("a{,2}b", 0, "aab"));
        assertEquals(true, javaFinds("x{y", 0, "x{y"));
        assertEquals(2, RegexTranslator.translate("(?P<a>x)(?P<b>y)(?:z)", 0, false).groups);
    }

    @Test
    void syntaxErrorsHaveCpythonMessagesAndPositions() {
        String[][] cases = {
            {"(a", "missing ), unterminated subpattern", "0"},
            {"a)", "unbalanced parenthesis", "1"},
            {"[a", "unterminated character set", "0"},
            {"[z-a]", "bad character range z-a", "1"},
            {"*a", "nothing to repeat", "0"},
            {"a**", "multiple repeat", "2"},
            {"(?P<1>a)", "bad character in group name '1'", "4"},
            {"(?P<a>x)(?P<a>y)", "redefinition of group name 'a' as group 2; was group 1", "12"},
            {"(?P=b)", "unknown group name 'b'", "4"},
            {"\\q", "bad escape \\q", "0"},
            {"(?Q)", "unknown extension ?Q", "1"},
            {"a{3,2}", "min repeat greater than max repeat", "2"},
            {"\\2(a)", "invalid group reference 2", "1"},
            {"x(?i)y", "global flags not at the start of the expression", "1"},
        };
        for (String[] c : cases) {
            RegexTranslator.Error e = assertThrows(RegexTranslator.Error.class, () -> RegexTranslator.translate(c[0], 0, false), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
            assertEquals(Integer.parseInt(c[2]), e.pos, c[0]);
        }
        assertEquals("error: missing ), unterminated subpattern at position 2 (line 2, column 1)", re("re.compile('a\\n(b')"));
        assertEquals("error: look-behind requires fixed-width pattern", re("re.compile('(?<=a+)b')"));
        assertEquals("error: cannot refer to group defined in the same lookbehind subpattern at position 9",
                re("re.compile(r'(?<=(a)\\1)x')"));
        assertEquals("<re.Match object; span=(4, 5), match='x'>", re("re.search('(?<=ab|cd)x', 'abcdx')"));
    }

    @Test
    void matchObjects() {
        assertEquals("<re.Match object; span=(1, 3), match='ab'>", re("re.search('(a)(b)?', 'xab')"));
        assertEquals("(('a', None), 'x', {'x': 'a', 'y': None}, 1)",
                re("(lambda m: (m.groups(), m.lastgroup, m.groupdict(), m.lastindex))(re.match('(?P<x>a)(?P<y>b)?', 'ac'))"));
        assertEquals("((1, 3), (1, 2))", re("(lambda m: (m.span(), m.span(1)))(re.search('(.)b', '😀ab'))"));
        assertEquals("re.compile('a', re.IGNORECASE|re.MULTILINE)", re("re.compile('a', re.I | re.M)"));
        assertEquals("b'x'", re("re.match(rb'(x)', b'xy').group(1)"));
    }

    @Test
    void emptyMatchesFollowPython37Rules() {
        assertEquals("'-a-b--d-'", re("re.sub('x*', '-', 'abxd')"));
        assertEquals("['', 'a', '', 'b', 'c', '']", re("re.split('x*', 'axbc')"));
        assertEquals("['1', '', '']", re("re.findall(r'\\d*', '1a')"));
        assertEquals("['', '1', '', '2', 'a', '3', '']", re("re.split(r'(\\d)', '12a3')"));
    }

    @Test
    void substitutionTemplates() {
        assertEquals("'b a'", re("re.sub(r'(\\w)@(\\w)', r'\\2 \\1', 'a@b')"));
        assertEquals("'<a><bc>'", re("re.sub(r'(?P<w>\\w+)', r'<\\g<w>>', 'a bc').replace(' ', '')"));
        assertEquals("'[a][]'", re("re.sub(r'(a)|b', r'[\\1]', 'ab')"));
        assertEquals("('6 x 20', 2)", re("re.subn(r'\\d+', lambda m: str(int(m.group()) * 2), '3 x 10')"));
        assertEquals("error: invalid group reference 2 at position 1", re("re.sub('(a)', r'\\2', 'a')"));
        assertEquals("IndexError: unknown group name 'x'", re("re.sub('(a)', r'\\g<x>', 'a')"));
    }
}
