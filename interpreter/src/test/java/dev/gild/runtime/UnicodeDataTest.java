package dev.gild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Unicode tables: the built-in ASCII table agrees with CPython's data, lookups at the edges. */
class UnicodeDataTest {
    @Test
    void asciiTableMatchesGeneratedData() {
        for (int cp = 0; cp < 128; cp++) {
            assertEquals(UnicodeData.generatedFlags(cp), UnicodeData.flags(cp), "flags of " + cp);
        }
    }

    @Test
    void edgesOfTheCodeSpace() {
        assertEquals(0, UnicodeData.flags(0x110000));
        assertEquals(0, UnicodeData.flags(-1));
        assertTrue((UnicodeData.flags(0x10ffff) & UnicodeData.PRINTABLE) == 0);
        assertTrue((UnicodeData.flags(0x3000) & UnicodeData.SPACE) != 0);
        assertEquals("SS", UnicodeData.upper(0xdf));
        assertEquals("Ss", UnicodeData.title(0xdf));
        assertEquals("ss", UnicodeData.casefold(0xdf));
        assertEquals("i\u0307", UnicodeData.lower(0x130));
        assertEquals("\ud801\udc28", UnicodeData.lower(0x10400));
    }
}
