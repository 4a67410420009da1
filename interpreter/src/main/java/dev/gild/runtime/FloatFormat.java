package dev.gild.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * CPython's PyOS_double_to_string: a double as text in the 'e', 'f', 'g' and 'r' (repr) styles
 * with a precision and the alternate / add-".0" / no-negative-zero flags.
 *
 * <p>Digits come from the exact binary value of the double rounded half-even (what CPython's
 * correctly rounded dtoa produces: {@code format(2.675, ".2f") == '2.67'}, {@code '%.0f' % 2.5 ==
 * '2'}); Java's String.format rounds differently and is not used. The 'r' style takes the shortest
 * round-tripping digits from the float's repr (Ops.repr). The digits are then laid out by the
 * same "virtual digits" rules as CPython's format_float_short, so every corner (trailing point
 * with '#', zero padding, exponent switch of 'g') comes out the same.
 */
final class FloatFormat {
    private FloatFormat() {}

    /** Decimal digits without trailing zeros and the decimal point position: value = 0.DIGITS * 10^decpt. */
    private record Digits(String digits, int decpt) {}

    /**
     * Formats val. code is one of e E f F g G r; precision is the precision of the style (ignored
     * for 'r'); alternate is '#'; addDot0 appends ".0" to integral results without exponent (the
     * formatting of floats without a presentation type); noNegativeZero is the 'z' flag.
     */
    static String format(double val, char code, int precision, boolean alternate, boolean addDot0, boolean noNegativeZero) {
        boolean upper = code == 'E' || code == 'F' || code == 'G';
        char style = upper ? Character.toLowerCase(code) : code;
        if (Double.isNaN(val)) return upper ? "NAN" : "nan";
        boolean negative = Double.doubleToRawLongBits(val) < 0;
        if (Double.isInfinite(val)) {
            String inf = upper ? "INF" : "inf";
            return negative ? "-" + inf : inf;
        }
        double abs = Math.abs(val);
        Digits d;
        switch (style) {
            case 'e' -> {
                precision++;
                d = significant(abs, precision);
            }
            case 'f' -> d = fixed(abs, precision);
            case 'g' -> {
                if (precision == 0) precision = 1;
                d = significant(abs, precision);
            }
            case 'r' -> d = shortest(abs);
            default -> throw new IllegalArgumentException("format code " + code);
        }
        if (noNegativeZero && negative && (d.digits.isEmpty() || d.digits.equals("0"))) negative = false;
        String s = layout(negative, d.digits, d.decpt, style, precision, alternate, addDot0);
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    /** dtoa mode 2: ndigits significant digits. */
    private static Digits significant(double abs, int ndigits) {
        if (abs == 0) return new Digits("0", 1);
        BigDecimal r = new BigDecimal(abs).round(new MathContext(ndigits, RoundingMode.HALF_EVEN));
        return digitsOf(r);
    }

    /** dtoa mode 3: ndigits digits after the decimal point; no digits at all when that rounds to zero. */
    private static Digits fixed(double abs, int ndigits) {
        if (abs == 0) return new Digits("0", 1);
        BigDecimal r = new BigDecimal(abs).setScale(ndigits, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) return new Digits("", -ndigits);
        return digitsOf(r);
    }

    private static Digits digitsOf(BigDecimal r) {
        BigDecimal stripped = r.stripTrailingZeros();
        String u = stripped.unscaledValue().toString();
        return new Digits(u, u.length() - stripped.scale());
    }

    /** dtoa mode 0: the shortest digits that round-trip, read from the float's repr. */
    private static Digits shortest(double abs) {
        if (abs == 0) return new Digits("0", 1);
        String repr = Ops.repr(abs);
        int e = repr.indexOf('e');
        if (e < 0) e = repr.indexOf('E');
        String mantissa = e < 0 ? repr : repr.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(repr.substring(repr.charAt(e + 1) == '+' ? e + 2 : e + 1));
        int point = mantissa.indexOf('.');
        String intPart = point < 0 ? mantissa : mantissa.substring(0, point);
        String all = point < 0 ? mantissa : intPart + mantissa.substring(point + 1);
        int decpt = intPart.length() + exponent;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') lead++;
        decpt -= lead;
        int end = all.length();
        while (end > lead + 1 && all.charAt(end - 1) == '0') end--;
        return new Digits(all.substring(lead, end), decpt);
    }

    /** format_float_short's layout of digits (digits_len >= 0) with the decimal point at decpt. */
    private static String layout(boolean negative, String digits, int decpt, char style, int precision,
                                 boolean alternate, boolean addDot0) {
        int digitsLen = digits.length();
        long vdigitsEnd = digitsLen;
        boolean useExp = false;
        switch (style) {
            case 'e' -> {
                useExp = true;
                vdigitsEnd = precision;
            }
            case 'f' -> vdigitsEnd = (long) decpt + precision;
            case 'g' -> {
                if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
                if (alternate) vdigitsEnd = precision;
            }
            default -> {
                if (decpt <= -4 || decpt > 16) useExp = true;
            }
        }
        int exp = 0;
        if (useExp) {
            exp = decpt - 1;
            decpt = 1;
        }
        long vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0) vdigitsEnd = Math.max(vdigitsEnd, decpt + 1);
        else vdigitsEnd = Math.max(vdigitsEnd, decpt);
        if (vdigitsEnd - vdigitsStart > Integer.MAX_VALUE - 32) throw Py.memoryError();
        StringBuilder sb = new StringBuilder((int) (vdigitsEnd - vdigitsStart) + 8);
        if (negative) sb.append('-');
        if (decpt <= 0) {
            zeros(sb, decpt - vdigitsStart);
            sb.append('.');
            zeros(sb, -decpt);
        } else {
            zeros(sb, -vdigitsStart);
        }
        if (0 < decpt && decpt <= digitsLen) {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digitsLen);
        } else {
            sb.append(digits);
        }
        if (digitsLen < decpt) {
            zeros(sb, decpt - digitsLen);
            sb.append('.');
            zeros(sb, vdigitsEnd - decpt);
        } else {
            zeros(sb, vdigitsEnd - digitsLen);
        }
        if (sb.charAt(sb.length() - 1) == '.' && !alternate) sb.setLength(sb.length() - 1);
        if (useExp) {
            sb.append('e').append(exp < 0 ? '-' : '+');
            int absExp = Math.abs(exp);
            if (absExp < 10) sb.append('0');
            sb.append(absExp);
        }
        return sb.toString();
    }

    private static void zeros(StringBuilder sb, long n) {
        for (long i = 0; i < n; i++) sb.append('0');
    }
}
