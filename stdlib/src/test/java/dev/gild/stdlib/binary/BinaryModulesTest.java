package dev.gild.stdlib.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.math.PythonSnippets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** hashlib, zlib, struct, binascii, base64 and uuid against CPython. Expected values were printed by CPython 3.11. */
class BinaryModulesTest {
    private static final String HASHING_SETUP = "import hashlib";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] HASHING = {
        {"hashlib.md5(b'abc').hexdigest()", "'900150983cd24fb0d6963f7d28e17f72'"},
        {"hashlib.sha1(b'abc').hexdigest()", "'a9993e364706816aba3e25717850c26c9cd0d89d'"},
        {"hashlib.sha224(b'abc').hexdigest()", "'23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7'"},
        {"hashlib.sha256(b'abc').hexdigest()", "'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'"},
        {"hashlib.sha384(b'abc').hexdigest()", "'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7'"},
        {"hashlib.sha512(b'abc').hexdigest()", "'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'"},
        {"hashlib.sha3_256(b'abc').hexdigest()", "'3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532'"},
        {"hashlib.new('sha256', b'x' * 5000).hexdigest()", "'c59d3c0480cc2d71d8f646e735e92da65450311eec46e81a5db8c7e6e8a92054'"},
        {"(lambda h: (h.update(b'a' * 3000), h.copy().hexdigest(), h.name, h.digest_size, h.block_size))(hashlib.sha512())[1:]", "('2e320b9a1dad1f25a35115168d21c36b0ed60efc938ed3e842c5ad71e22cf9685d3d634b94f38348690385ed0ff9705ad31bf510d9e20efeca5e28de514d1d97', 'sha512', 64, 128)"},
        {"hashlib.md5(bytearray(b'abc')).digest()", "b'\\x90\\x01P\\x98<\\xd2O\\xb0\\xd6\\x96?}(\\xe1\\x7fr'"},
        {"hashlib.sha256('x')", "TypeError: Strings must be encoded before hashing"},
        {"hashlib.new('nope')", "ValueError: unsupported hash type nope"},
        {"hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex()", "'632c2812e46d4604102ba7618e9d6d7d2f8128f6266b4a03264d2a0460b7dcb3'"},
        {"hashlib.pbkdf2_hmac('sha1', b'', b'salt', 2, 30).hex()", "'133a4ce837b4d2521ee2bf03e11c71ca794e079713b87cd23f360bdda2e8'"},
        {"hashlib.pbkdf2_hmac('sha256', b'p', b's', 0)", "ValueError: iteration value must be greater than 0."},
        {"hashlib.pbkdf2_hmac('nope', b'p', b's', 1)", "UnsupportedDigestmodError: [digital envelope routines] unsupported"},
    };

    private static final String ZLIB_SETUP = "import zlib\ndata = b'The quick brown fox jumps over the lazy dog. ' * 100";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] ZLIB = {
        {"zlib.compress(b'hello')", "b'x\\x9c\\xcbH\\xcd\\xc9\\xc9\\x07\\x00\\x06,\\x02\\x15'"},
        {"zlib.compress(b'hello', 9, wbits=31)", "b'\\x1f\\x8b\\x08\\x00\\x00\\x00\\x00\\x00\\x02\\x03\\xcbH\\xcd\\xc9\\xc9\\x07\\x00\\x86\\xa6\\x106\\x05\\x00\\x00\\x00'"},
        {"zlib.compress(b'hello', wbits=-15)", "b'\\xcbH\\xcd\\xc9\\xc9\\x07\\x00'"},
        {"zlib.decompress(zlib.compress(data, 1)) == data", "True"},
        {"zlib.decompress(zlib.compress(data, wbits=31), 47) == data", "True"},
        {"zlib.crc32(data)", "2609592632"},
        {"zlib.crc32(b'lo', zlib.crc32(b'hel'))", "907060870"},
        {"zlib.adler32(data)", "499666839"},
        {"zlib.adler32(b'abc', 12345)", "2465542495"},
        {"zlib.decompress(b'junk')", "error: Error -3 while decompressing data: incorrect header check"},
        {"zlib.decompress(zlib.compress(data)[:-5])", "error: Error -5 while decompressing data: incomplete or truncated stream"},
        {"zlib.compress(b'x', 12)", "error: Bad compression level"},
        {"(lambda c: c.compress(data) + c.flush())(zlib.compressobj(6)) == zlib.compress(data, 6)", "True"},
        {"(lambda d: (d.decompress(zlib.compress(b'abc') + b'tail'), d.unused_data, d.eof))(zlib.decompressobj())", "(b'abc', b'tail', True)"},
        {"(lambda d: (len(d.decompress(zlib.compress(data), 100)), len(d.unconsumed_tail) > 0, len(d.flush())))(zlib.decompressobj())", "(100, True, 4400)"},
    };

    private static final String STRUCT_SETUP = "import struct";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] STRUCT = {
        {"struct.pack('<hIq', -2, 7, -3)", "b'\\xfe\\xff\\x07\\x00\\x00\\x00\\xfd\\xff\\xff\\xff\\xff\\xff\\xff\\xff'"},
        {"struct.pack('>d?3sx', 1.5, True, b'abcd')", "b'?\\xf8\\x00\\x00\\x00\\x00\\x00\\x00\\x01abc\\x00'"},
        {"struct.unpack('@bhiq', struct.pack('@bhiq', 1, 2, 3, 4))", "(1, 2, 3, 4)"},
        {"struct.calcsize('@bhiqd')", "24"},
        {"struct.calcsize('=bhiqd')", "23"},
        {"struct.calcsize('ci0l')", "8"},
        {"struct.pack('<e', 0.1)", "b'f.'"},
        {"struct.unpack('<e', b'\\x00\\x7c')", "(inf,)"},
        {"struct.pack('5p', b'hello world')", "b'\\x04hell'"},
        {"list(struct.iter_unpack('<H', b'\\x01\\x00\\x02\\x00'))", "[(1,), (2,)]"},
        {"struct.Struct('>2I').unpack_from(b'xx\\x00\\x00\\x00\\x01\\x00\\x00\\x00\\x02', 2)", "(1, 2)"},
        {"struct.pack('<Q', 2**64 - 1)", "b'\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff'"},
        {"struct.pack('b', 200)", "error: byte format requires -128 <= number <= 127"},
        {"struct.pack('<I', -1)", "error: argument out of range"},
        {"struct.pack('>h', 40000)", "error: 'h' format requires -32768 <= number <= 32767"},
        {"struct.pack('<q', 2**63)", "error: argument out of range"},
        {"struct.pack('>q', 2**63)", "error: int too large to convert"},
        {"struct.pack('i', 'x')", "error: required argument is not an integer"},
        {"struct.pack('ii', 1)", "error: pack expected 2 items for packing (got 1)"},
        {"struct.unpack('<i', b'abc')", "error: unpack requires a buffer of 4 bytes"},
        {"struct.calcsize('y')", "error: bad char in struct format"},
        {"struct.unpack_from('<i', b'abcdef', 4)", "error: unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 (actual buffer size is 6)"},
        {"struct.pack('<f', 1e300)", "OverflowError: float too large to pack with f format"},
        {"struct.pack('c', b'ab')", "error: char format requires a bytes object of length 1"},
    };

    private static final String ENCODINGS_SETUP = "import binascii, base64";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] ENCODINGS = {
        {"binascii.hexlify(b'\\x01\\xff', '-')", "b'01-ff'"},
        {"binascii.unhexlify('01ff')", "b'\\x01\\xff'"},
        {"binascii.unhexlify('0')", "Error: Odd-length string"},
        {"binascii.unhexlify('zz')", "Error: Non-hexadecimal digit found"},
        {"binascii.b2a_base64(b'hello')", "b'aGVsbG8=\\n'"},
        {"binascii.a2b_base64(b'aGVsbG8=')", "b'hello'"},
        {"binascii.a2b_base64(b'aGVsbG8')", "Error: Incorrect padding"},
        {"binascii.a2b_base64(b'aGVs!bG8=', strict_mode=True)", "Error: Only base64 data is allowed"},
        {"binascii.crc32(b'hello')", "907060870"},
        {"binascii.crc_hqx(b'hello', 0)", "50018"},
        {"base64.b64encode(b'\\xfb\\xff\\xbe')", "b'+/++'"},
        {"base64.urlsafe_b64encode(b'\\xfb\\xff\\xbe')", "b'-_--'"},
        {"base64.b64decode('-_--', altchars='-_')", "b'\\xfb\\xff\\xbe'"},
        {"base64.b32encode(b'hello')", "b'NBSWY3DP'"},
        {"base64.b32decode('NBSWY3DP')", "b'hello'"},
        {"base64.b32hexencode(b'hi')", "b'D1KG===='"},
        {"base64.b16encode(b'hi')", "b'6869'"},
        {"base64.b16decode('6869')", "b'hi'"},
        {"base64.b16decode('6g')", "Error: Non-base16 digit found"},
        {"base64.b64decode('YWJj!', validate=True)", "Error: Only base64 data is allowed"},
        {"base64.encodebytes(b'x' * 60)", "b'eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\\neHh4\\n'"},
        {"base64.b64decode(5)", "TypeError: argument should be a bytes-like object or ASCII string, not 'int'"},
        {"base64.b85encode(b'hello world!')", "b'Xk~0{Zy<MXa%^NF'"},
        {"base64.b85decode('Xk~0{Zv')", "b'hello'"},
        {"base64.b85decode(b'~~~~~')", "ValueError: base85 overflow in hunk starting at byte 0"},
    };

    private static final String UUID_SETUP = "import uuid\nu = uuid.UUID('12345678-1234-5678-1234-567812345678')";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] UUID = {
        {"u", "UUID('12345678-1234-5678-1234-567812345678')"},
        {"str(u)", "'12345678-1234-5678-1234-567812345678'"},
        {"u.int", "24197857161011715162171839636988778104"},
        {"u.bytes_le", "b'xV4\\x124\\x12xV\\x124Vx\\x124Vx'"},
        {"u.fields", "(305419896, 4660, 22136, 18, 52, 95073701484152)"},
        {"u.version", "None"},
        {"u.variant", "'reserved for NCS compatibility'"},
        {"uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org')", "UUID('6fa459ea-ee8a-3ca4-894e-db77e160355e')"},
        {"uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.com')", "UUID('4fd35a71-71ef-5a55-a9d9-aa75c889a6d0')"},
        {"uuid.UUID(int=5, version=4)", "UUID('00000000-0000-4000-8000-000000000005')"},
        {"uuid.uuid4().version", "4"},
        {"uuid.UUID('nope')", "ValueError: badly formed hexadecimal UUID string"},
        {"uuid.UUID(int=-1)", "ValueError: int is out of range (need a 128-bit value)"},
    };

    private static List<DynamicTest> cases(String setup, String[][] table) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : table) {
            tests.add(DynamicTest.dynamicTest(c[0], () -> assertEquals(c[1], PythonSnippets.eval(setup, c[0]))));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> hashing() { return cases(HASHING_SETUP, HASHING); }

    @TestFactory
    List<DynamicTest> zlib() { return cases(ZLIB_SETUP, ZLIB); }

    @TestFactory
    List<DynamicTest> struct() { return cases(STRUCT_SETUP, STRUCT); }

    @TestFactory
    List<DynamicTest> encodings() { return cases(ENCODINGS_SETUP, ENCODINGS); }

    @TestFactory
    List<DynamicTest> uuid() { return cases(UUID_SETUP, UUID); }
}

