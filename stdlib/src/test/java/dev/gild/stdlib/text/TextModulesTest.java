package dev.gild.stdlib.text;

import static dev.gild.stdlib.PythonSnippets.eval;
import static dev.gild.stdlib.PythonSnippets.repr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** datetime, csv, pickle and argparse (Python modules of the text area) against CPython 3.11. */
class TextModulesTest {
    @Test
    void datetimeArithmeticAndReprs() {
        String imports = "from datetime import date, datetime, time, timedelta, timezone";
        assertEquals("'-1 day, 0:00:05'", eval(imports, "str(timedelta(days=-1, seconds=5))"));
        assertEquals("datetime.timedelta(microseconds=2)", eval(imports, "timedelta(seconds=0.0000015)"));
        assertEquals("datetime.datetime(2020, 2, 29, 13, 5, 7, 1200, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=66600)))",
                eval(imports, "datetime(2020, 2, 29, 13, 5, 7, 1200, tzinfo=timezone(-timedelta(hours=5, minutes=30)))"));
        assertEquals("'2020-01-01T05:00:00+00:00'", eval(imports, "datetime.combine(date(2020, 1, 1), time(5, tzinfo=timezone.utc)).isoformat()"));
        assertEquals("datetime.IsoCalendarDate(year=2020, week=53, weekday=7)", eval(imports, "date(2021, 1, 3).isocalendar()"));
        assertEquals("datetime.datetime(2020, 1, 2, 3, 4, 5, 123000, tzinfo=datetime.timezone(datetime.timedelta(seconds=19800)))",
                eval(imports, "datetime.fromisoformat('2020-01-02T03:04:05.123+05:30')"));
        assertEquals("datetime.datetime(2021, 3, 4, 17, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))",
                eval(imports, "datetime.strptime('04/Mar/21 5PM +0100', '%d/%b/%y %I%p %z')"));
        assertEquals("TypeError: can't compare offset-naive and offset-aware datetimes",
                eval(imports, "datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc)"));
        assertEquals("ValueError: day is out of range for month", eval(imports, "date(2020, 2, 30)"));
    }

    @Test
    void csvQuotingAndParsing() {
        assertEquals("'a,\"b,c\",\"d\"\"e\",1,,\"x\\ny\"\\r\\n'", repr("""
                import csv
                class Sink:
                    text = ''
                    def write(self, s):
                        self.text += s
                sink = Sink()
                csv.writer(sink).writerow(['a', 'b,c', 'd"e', 1, None, 'x\\ny'])
                result = sink.text
                """.stripIndent()));
        assertEquals("[['a', 'multi\\nline', 'c'], ['d', 'e', 'f']]",
                eval("import csv", "list(csv.reader(['a,\"multi\\n', 'line\",c\\r\\n', 'd,e,f\\r\\n']))"));
        assertEquals("[{'x': '3', 'y': None}, {'x': '4', 'y': '5', None: ['6']}]",
                eval("import csv", "list(csv.DictReader(['x,y', '3', '4,5,6']))"));
        assertEquals("Error: unexpected end of data", eval("import csv", "list(csv.reader(['\"abc'], strict=True))"));
    }

    @Test
    void pickleBytesMatchCpython() {
        assertEquals("b'\\x80\\x04\\x95\\x10\\x00\\x00\\x00\\x00\\x00\\x00\\x00]\\x94(]\\x94K\\x01ah\\x01\\x8c\\x01s\\x94e.'",
                repr("import pickle\nx = [1]\nresult = pickle.dumps([x, x, 's'])"));
        assertEquals("b'\\x80\\x02]q\\x00(]q\\x01K\\x01ah\\x01e.'", repr("import pickle\nx = [1]\nresult = pickle.dumps([x, x], protocol=2)"));
        assertEquals("True", repr("""
                import pickle
                data = [1, -70000, 2 ** 70, 1.5, 'é', b'ab', None, (), (1,), {'a': {1, 2}}, frozenset([3]), bytearray(b'x'), 3 + 4j]
                result = all(pickle.loads(pickle.dumps(data, protocol=p)) == data for p in (2, 3, 4, 5))
                """.stripIndent()));
        assertEquals("(5, 50)", repr("""
                import pickle
                class Point:
                    def __init__(self):
                        self.x = 5
                class Guarded:
                    def __getstate__(self):
                        return {'v': 5}
                    def __setstate__(self, state):
                        self.v = state['v'] * 10
                result = (pickle.loads(pickle.dumps(Point())).x, pickle.loads(pickle.dumps(Guarded())).v)
                """.stripIndent()));
        assertEquals("EOFError: Ran out of input", eval("import pickle", "pickle.loads(b'')"));
    }

    @Test
    void argparseParsesLikeCpython() {
        String parser = """
                import argparse
                p = argparse.ArgumentParser(prog='tool')
                p.add_argument('src')
                p.add_argument('dst', nargs='?', default='out')
                p.add_argument('-n', '--count', type=int, default=3)
                p.add_argument('-v', action='count', default=0)
                """.stripIndent();
        assertEquals("Namespace(src='a', dst='out', count=5, v=2)", repr(parser + "result = p.parse_args(['a', '-n', '5', '-vv'])"));
        assertEquals("'usage: tool [-h] [-n COUNT] [-v] src [dst]\\n'", repr(parser + "result = p.format_usage()"));
        assertEquals("(2, \"usage: tool [-h] [-n COUNT] [-v] src [dst]\\ntool: error: argument -n/--count: invalid int value: 'x'\\n\")",
                repr(parser + """
                        import sys
                        class Capture:
                            text = ''
                            def write(self, s):
                                self.text += s
                        sys.stderr = capture = Capture()
                        try:
                            p.parse_args(['a', '-n', 'x'])
                        except SystemExit as e:
                            result = (e.code, capture.text)
                        finally:
                            sys.stderr = sys.__stderr__
                        """.stripIndent()));
    }
}
