package dev.gild.lock;

import java.util.Arrays;

/**
 * The text form of a schedule: the task chosen at each choice point, run-length encoded as
 * {@code ID} or {@code IDxCOUNT} items joined by {@code -}, e.g. {@code 0x12-1-0x3} for twelve
 * choices of T0, one of T1, three of T0. An empty schedule is {@code _} (no choice point).
 */
public final class ScheduleToken {
    /** Longest schedule a token may hold (a guard against absurd tokens). */
    private static final int MAX_CHOICES = 1 << 26;

    private ScheduleToken() {}

    public static String encode(int[] choices, int length) {
        if (length == 0) return "_";
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < length) {
            int id = choices[i];
            int run = 1;
            while (i + run < length && choices[i + run] == id) run++;
            if (!s.isEmpty()) s.append('-');
            s.append(id);
            if (run > 1) s.append('x').append(run);
            i += run;
        }
        return s.toString();
    }

    /** @throws IllegalArgumentException for text that is not a schedule token */
    public static int[] decode(String token) {
        if (token.equals("_")) return new int[0];
        int[] out = new int[16];
        int n = 0;
        for (String item : token.split("-", -1)) {
            int x = item.indexOf('x');
            int id;
            long count;
            try {
                id = Integer.parseInt(x < 0 ? item : item.substring(0, x));
                count = x < 0 ? 1 : Long.parseLong(item.substring(x + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad schedule token item '" + item + "'");
            }
            if (id < 0 || count < 1 || n + count > MAX_CHOICES) {
                throw new IllegalArgumentException("bad schedule token item '" + item + "'");
            }
            while (n + count > out.length) out = Arrays.copyOf(out, out.length * 2);
            Arrays.fill(out, n, n + (int) count, id);
            n += (int) count;
        }
        return Arrays.copyOf(out, n);
    }
}
