package dev.gild.stdlib.json;

import static dev.gild.stdlib.PythonSnippets.eval;
import static dev.gild.stdlib.PythonSnippets.repr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** json against CPython 3.11's output (expected strings taken from python3). */
class JsonModuleTest {
    private static String json(String expression) {
        return eval("import json", expression);
    }

    @Test
    void dumpsMatchesCpythonByteForByte() {
        assertEquals("'{\"a\": [1, 2.5, null, true], \"b\": \"\\\\u00e9\\\\ud83d\\\\ude00\"}'",
                json("json.dumps({'a': [1, 2.5, None, True], 'b': 'é😀'})"));
        assertEquals("'[\\n  1,\\n  {\\n    \"a\": []\\n  }\\n]'", json("json.dumps([1, {'a': []}], indent=2)"));
        assertEquals("'{\"1\": 2, \"2\": 1}'", json("json.dumps({2: 1, 1: 2}, sort_keys=True)"));
        assertEquals("'[1e+16, 0.30000000000000004, -0.0, 1e-07, Infinity, NaN]'",
                json("json.dumps([1e16, 0.1 + 0.2, -0.0, 1e-7, float('inf'), float('nan')])"));
        assertEquals("'{\"a\":1}'", json("json.dumps({'a': 1}, separators=(',', ':'))"));
        assertEquals("'\"\\\\\"\\\\\\\\\\\\n\\\\u0001\\\\u007f\"'", json("json.dumps('\"\\\\\\n\\x01\\x7f')"));
        assertEquals("'\"é\"'", json("json.dumps('é', ensure_ascii=False)"));
    }

    @Test
    void encoderErrors() {
        assertEquals("TypeError: Object of type set is not JSON serializable", json("json.dumps({1})"));
        assertEquals("TypeError: keys must be str, int, float, bool or None, not tuple", json("json.dumps({(1,): 2})"));
        assertEquals("ValueError: Out of range float values are not JSON compliant",
                json("json.dumps(float('nan'), allow_nan=False)"));
        assertEquals("ValueError: Circular reference detected", repr("import json\na = []\na.append(a)\njson.dumps(a)"));
        assertEquals("'[1, 2]'", repr("""
                import json
                class E(json.JSONEncoder):
                    def default(self, o):
                        return sorted(o)
                result = json.dumps({2, 1}, cls=E)
                """.stripIndent()));
    }

    @Test
    void loadsTypesAndHooks() {
        assertEquals("{'a': [1, 2.5, None, True, 'é'], 'b': 123456789012345678901234567890}",
                json("json.loads('{\"a\": [1, 2.5, null, true, \"\\\\u00e9\"], \"b\": 123456789012345678901234567890}')"));
        assertEquals("'😀'", json("json.loads('\"\\\\ud83d\\\\ude00\"')"));
        assertEquals("[('a', '1.5')]", json("json.loads('{\"a\": 1.5}', parse_float=str, object_pairs_hook=list)"));
        assertEquals("([1], 3)", json("json.JSONDecoder().raw_decode('[1] 2')"));
        assertEquals("[nan, inf]", json("json.loads('[NaN, Infinity]')"));
    }

    @Test
    void decodeErrorsCarryCpythonPositions() {
        assertEquals("('Expecting value', 6, 1, 7)", repr("""
                import json
                try:
                    json.loads('[1, 2,]')
                except json.JSONDecodeError as e:
                    result = (e.msg, e.pos, e.lineno, e.colno)
                """.stripIndent()));
        assertEquals("JSONDecodeError: Expecting ',' delimiter: line 2 column 4 (char 7)", json("json.loads('[1,\\n 2 3]')"));
        assertEquals("JSONDecodeError: Extra data: line 1 column 5 (char 4)", json("json.loads('\"😀\" x')"));
        assertEquals("JSONDecodeError: Invalid \\escape: line 1 column 2 (char 1)", json("json.loads('\"\\\\q\"')"));
        assertEquals("JSONDecodeError: Unterminated string starting at: line 1 column 1 (char 0)", json("json.loads('\"ab')"));
        assertEquals("True", json("issubclass(json.JSONDecodeError, ValueError)"));
    }

    @Test
    void roundTrips() {
        assertEquals("True", repr("""
                import json
                data = {'list': [1, 2.5, 's', None, True], 'uni': '日本', 'esc': 'a"b\\\\c\\n', 'neg': -12, 'big': 2 ** 80}
                result = json.loads(json.dumps(data)) == data and json.loads(json.dumps(data, indent='\\t', sort_keys=True)) == data
                """.stripIndent()));
    }
}
