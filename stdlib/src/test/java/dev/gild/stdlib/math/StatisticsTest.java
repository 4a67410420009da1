package dev.gild.stdlib.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.math.PythonSnippets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** statistics and fractions (Python modules) against CPython. Expected values were printed by CPython 3.11. */
class StatisticsTest {
    private static final String STATISTICS_SETUP = "import statistics as st\nfrom fractions import Fraction as F\ndata = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] STATISTICS = {
        {"st.mean(data)", "1.6071428571428572"},
        {"st.mean([1, 2, 3, 4])", "2.5"},
        {"st.mean([F(1, 3), F(2, 3), 2])", "Fraction(1, 1)"},
        {"st.fmean([1, 2, 3, 4])", "2.5"},
        {"st.median(data)", "1.25"},
        {"st.median([1, 3, 2, 4])", "2.5"},
        {"st.median_low([1, 3, 2, 4])", "2"},
        {"st.median_high([1, 3, 2, 4])", "3"},
        {"st.median_grouped([52, 52, 53, 54])", "52.5"},
        {"st.mode([1, 2, 2, 3, 3])", "2"},
        {"st.multimode('aabbbbccddddeeffffgg')", "['b', 'd', 'f']"},
        {"st.variance(data)", "1.3720238095238095"},
        {"st.variance([1, 2, 3, 4])", "1.6666666666666667"},
        {"st.pvariance([F(1, 4), F(5, 4), F(1, 2)])", "Fraction(13, 72)"},
        {"st.stdev(data)", "1.171334200612195"},
        {"st.pstdev(range(100))", "28.86607004772212"},
        {"st.stdev([10**20 + 1, 10**20 + 3, 10**20 + 8])", "3.605551275463989"},
        {"st.quantiles(range(1, 11), n=4)", "[2.75, 5.5, 8.25]"},
        {"st.quantiles(range(1, 11), n=4, method='inclusive')", "[3.25, 5.5, 7.75]"},
        {"st.geometric_mean([54, 24, 36])", "36.000000000000014"},
        {"st.harmonic_mean([40, 60], weights=[5, 30])", "56.0"},
        {"st.correlation([1, 2, 3, 4], [2, 4, 5, 9])", "0.9647638212377322"},
        {"st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11.5])", "LinearRegression(slope=2.1, intercept=0.7999999999999989)"},
        {"st.mean([])", "StatisticsError: mean requires at least one data point"},
        {"st.variance([1])", "StatisticsError: variance requires at least two data points"},
        {"st.mode([])", "StatisticsError: no mode for empty data"},
        {"st.quantiles([1], n=4)", "StatisticsError: must have at least two data points"},
        {"st.mean(['a'])", "TypeError: can't convert type 'str' to numerator/denominator"},
        {"st.NormalDist(100, 15).cdf(110)", "0.7475074624530771"},
        {"st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])", "NormalDist(mu=2.716666666666667, sigma=0.5076087732365021)"},
    };

    private static final String FRACTIONS_SETUP = "from fractions import Fraction as F\na, b = F(1, 3), F(2, 5)";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] FRACTIONS = {
        {"F(6, -8)", "Fraction(-3, 4)"},
        {"F('3/4')", "Fraction(3, 4)"},
        {"F(' -1.25e-1 ')", "Fraction(-1, 8)"},
        {"F(0.1)", "Fraction(3602879701896397, 36028797018963968)"},
        {"F('abc')", "ValueError: Invalid literal for Fraction: 'abc'"},
        {"F(1, 0)", "ZeroDivisionError: Fraction(1, 0)"},
        {"(a + b, a - b, a * b, a / b)", "(Fraction(11, 15), Fraction(-1, 15), Fraction(2, 15), Fraction(5, 6))"},
        {"(a // b, a % b, divmod(a, b), a ** -2)", "(0, Fraction(1, 3), (0, Fraction(1, 3)), Fraction(9, 1))"},
        {"(a + 1, 1 - a, a * 0.5, 2 ** F(1, 2))", "(Fraction(4, 3), Fraction(2, 3), 0.16666666666666666, 1.4142135623730951)"},
        {"(a < b, a == F(2, 6), F(1, 2) == 0.5, a < 0.34)", "(True, True, True, True)"},
        {"(str(a), float(a), int(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(1234, 100), 1))", "('1/3', 0.3333333333333333, -3, 2, 4, Fraction(123, 10))"},
        {"hash(F(1, 2)) == hash(0.5)", "True"},
        {"F(3.141592653589793).limit_denominator(1000)", "Fraction(355, 113)"},
        {"F(1, 2) / 0", "ZeroDivisionError: Fraction(1, 0)"},
        {"sum([F(1, 10)] * 10)", "Fraction(1, 1)"},
    };

    private static List<DynamicTest> cases(String setup, String[][] table) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : table) {
            tests.add(DynamicTest.dynamicTest(c[0], () -> assertEquals(c[1], PythonSnippets.eval(setup, c[0]))));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> statistics() { return cases(STATISTICS_SETUP, STATISTICS); }

    @TestFactory
    List<DynamicTest> fractions() { return cases(FRACTIONS_SETUP, FRACTIONS); }
}

