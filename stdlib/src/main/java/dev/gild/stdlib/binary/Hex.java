package dev.gild.stdlib.binary;

/** Lower-case hexadecimal text of bytes. */
final class Hex {
    private Hex() {}

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static byte[] encodeBytes(byte[] data) {
        byte[] out = new byte[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = DIGITS[(data[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[data[i] & 0xF];
        }
        return out;
    }

    static String encode(byte[] data) {
        return new String(encodeBytes(data), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
