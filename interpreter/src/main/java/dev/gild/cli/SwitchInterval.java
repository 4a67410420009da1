package dev.gild.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a thread may keep the GIL while another thread waits for it: either a number of
 * bytecode instructions (deterministic, handy for experiments) or a duration in nanoseconds
 * (CPython's model: {@code sys.setswitchinterval} takes seconds, default 5 ms).
 *
 * <p>Text forms accepted by {@link #parse}: a whole number ({@code 100} = 100 instructions) or a
 * number with a unit {@code s}, {@code ms}, {@code us} (or {@code µs}), {@code ns}
 * ({@code 5ms}, {@code 500us}, {@code 0.005s}).
 *
 * @param unit   whether {@code amount} counts instructions or nanoseconds
 * @param amount a positive count
 */
public record SwitchInterval(Unit unit, long amount) {

    public enum Unit { INSTRUCTIONS, NANOSECONDS }

    /** CPython's default switch interval, 5 ms. */
    public static final SwitchInterval DEFAULT = ofNanos(5_000_000L);

    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(s|ms|us|µs|ns)?");

    public SwitchInterval {
        if (unit == null) {
            throw new IllegalArgumentException("switch interval unit is missing");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("switch interval must be positive, got " + amount);
        }
    }

    public static SwitchInterval ofInstructions(long instructions) {
        return new SwitchInterval(Unit.INSTRUCTIONS, instructions);
    }

    public static SwitchInterval ofNanos(long nanos) {
        return new SwitchInterval(Unit.NANOSECONDS, nanos);
    }

    public boolean isTimeBased() {
        return unit == Unit.NANOSECONDS;
    }

    /**
     * Parses the command-line form.
     *
     * @throws IllegalArgumentException with a one-line message fit to show the user
     */
    public static SwitchInterval parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a switch interval: expected an"
                    + " instruction count (e.g. 100) or a duration (e.g. 5ms, 500us, 0.005s)");
        }
        BigDecimal number = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
        String unitSuffix = m.group(2);
        if (unitSuffix == null) {
            return ofInstructions(wholePositive(number, text, "an instruction count must be a whole"
                    + " number; add a unit (s, ms, us, ns) for a duration"));
        }
        BigDecimal nanos = number.scaleByPowerOfTen(switch (unitSuffix) {
            case "s" -> 9;
            case "ms" -> 6;
            case "us", "µs" -> 3;
            default -> 0;
        });
        return ofNanos(wholePositive(nanos, text, "a duration must be a whole number of nanoseconds"));
    }

    private static long wholePositive(BigDecimal value, String text, String fractionProblem) {
        if (value.signum() == 0) {
            throw new IllegalArgumentException("'" + text + "': the switch interval must be positive");
        }
        BigInteger whole;
        try {
            whole = value.toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            throw new IllegalArgumentException("'" + text + "': " + fractionProblem);
        }
        if (whole.bitLength() >= Long.SIZE) {
            throw new IllegalArgumentException("'" + text + "': the switch interval is too large");
        }
        return whole.longValueExact();
    }

    /** The same text form {@link #parse} accepts, with the largest unit that keeps it whole. */
    @Override
    public String toString() {
        if (unit == Unit.INSTRUCTIONS) {
            return Long.toString(amount);
        }
        if (amount % 1_000_000_000L == 0) {
            return amount / 1_000_000_000L + "s";
        }
        if (amount % 1_000_000L == 0) {
            return amount / 1_000_000L + "ms";
        }
        if (amount % 1_000L == 0) {
            return amount / 1_000L + "us";
        }
        return amount + "ns";
    }
}
