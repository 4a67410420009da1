package dev.gild.runtime;

import dev.gild.bytecode.Opcode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The eval loop dispatches on opcode numbers: each case label must be its opcode's ordinal. */
class DispatchTableTest {
    @Test
    void everyCaseLabelMatchesTheOpcodeEnum() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/gild/runtime/Eval.java"));
        Matcher m = Pattern.compile("case (\\d+) /\\* (\\w+) \\*/").matcher(source);
        int seen = 0;
        while (m.find()) {
            assertEquals(Opcode.valueOf(m.group(2)).ordinal(), Integer.parseInt(m.group(1)), m.group(2));
            seen++;
        }
        assertEquals(Opcode.values().length, seen, "every opcode has exactly one case");
    }
}
