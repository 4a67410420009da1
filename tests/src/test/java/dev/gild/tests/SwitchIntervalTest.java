package dev.gild.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gild.cli.SwitchInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SwitchIntervalTest {

    @ParameterizedTest
    @CsvSource({
        "100, INSTRUCTIONS, 100",
        "1, INSTRUCTIONS, 1",
        "5ms, NANOSECONDS, 5000000",
        "500us, NANOSECONDS, 500000",
        "500µs, NANOSECONDS, 500000",
        "0.005s, NANOSECONDS, 5000000",
        "1s, NANOSECONDS, 1000000000",
        "2.5ms, NANOSECONDS, 2500000",
        ".5ms, NANOSECONDS, 500000",
        "750ns, NANOSECONDS, 750",
        "' 10 MS ', NANOSECONDS, 10000000",
    })
    void parsesCountsAndDurations(String text, SwitchInterval.Unit unit, long amount) {
        assertEquals(new SwitchInterval(unit, amount), SwitchInterval.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fast", "0", "0ms", "-5ms", "1.5", "5 m", "0.5ns", "1e3", "99999999999999999999",
        "10000000000s"})
    void rejectsWithAOneLineMessage(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SwitchInterval.parse(text));
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
        assertTrue(error.getMessage().contains("'" + text + "'"), error.getMessage());
    }

    @Test
    void printsTheLargestWholeUnitAndParsesBack() {
        for (String text : new String[] {"100", "5ms", "1s", "250us", "1500ns", "1500us"}) {
            SwitchInterval interval = SwitchInterval.parse(text);
            assertEquals(interval, SwitchInterval.parse(interval.toString()), text);
        }
        assertEquals("5ms", SwitchInterval.DEFAULT.toString());
        assertEquals("1500us", SwitchInterval.parse("1.5ms").toString());
    }

    @Test
    void onlyDurationsAreTimeBased() {
        assertTrue(SwitchInterval.parse("5ms").isTimeBased());
        assertFalse(SwitchInterval.parse("5").isTimeBased());
    }
}
