package dev.gild.stdlib.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gild.stdlib.math.PythonSnippets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** random: CPython's exact sequences for int, float, str and bytes seeds; distributions; state; errors. Expected values were printed by CPython 3.11. */
class RandomModuleTest {
    private static final String SEQUENCES_SETUP = "import random";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] SEQUENCES = {
        {"[random.seed(0), [random.random() for _ in range(3)]][1]", "[0.8444218515250481, 0.7579544029403025, 0.420571580830845]"},
        {"[random.seed(1), [random.random() for _ in range(3)]][1]", "[0.13436424411240122, 0.8474337369372327, 0.763774618976614]"},
        {"[random.seed(42), [random.random() for _ in range(3)]][1]", "[0.6394267984578837, 0.025010755222666936, 0.27502931836911926]"},
        {"[random.seed(12345), [random.random() for _ in range(3)]][1]", "[0.41661987254534116, 0.010169169457068361, 0.8252065092537432]"},
        {"[random.seed(4294967296), [random.random() for _ in range(3)]][1]", "[0.11299430095636409, 0.41782886486292836, 0.0166763664992291]"},
        {"[random.seed(18446744073709551623), [random.random() for _ in range(3)]][1]", "[0.9625990769630326, 0.3272511366623422, 0.7736351002133397]"},
        {"[random.seed(-99), [random.random() for _ in range(3)]][1]", "[0.40397807494366633, 0.20007544457494542, 0.17880232058661227]"},
        {"[random.seed(3.5), [random.random() for _ in range(3)]][1]", "[0.3039190124834461, 0.23014450764056538, 0.9120431245165537]"},
        {"[random.seed('string seed'), [random.random() for _ in range(3)]][1]", "[0.8957303253327249, 0.9620036776323013, 0.014867166894390271]"},
        {"[random.seed(b'bytes seed'), [random.random() for _ in range(3)]][1]", "[0.7731514366044835, 0.7350756979954038, 0.8362641828784924]"},
        {"[random.seed(10000000000000000000000000000000000000000), [random.random() for _ in range(3)]][1]", "[0.34753796566513817, 0.7605339873511711, 0.19665955929032608]"},
        {"[random.seed(0), random.getrandbits(100), random.getrandbits(7), random.getrandbits(64)][1:]", "[1169245609517217401678349469645, 53, 4776171008201404212]"},
        {"[random.seed(1), random.getrandbits(100), random.getrandbits(7), random.getrandbits(64)][1:]", "[1017878568110080782349472477685, 97, 4705193143269049553]"},
        {"[random.seed(42), random.getrandbits(100), random.getrandbits(7), random.getrandbits(64)][1:]", "[873491343714207852616756591005, 35, 4117511471858006928]"},
        {"[random.seed(12345), random.getrandbits(100), random.getrandbits(7), random.getrandbits(64)][1:]", "[1030771796917419777846831192455, 105, 5508932873585391847]"},
        {"[random.seed(4294967296), random.getrandbits(100), random.getrandbits(7), random.getrandbits(64)][1:]", "[1142298087973610370076972495319, 2, 11284269182920140557]"},
        {"[random.seed(18446744073709551623), random.getrandbits(100), random.getrandbits(7), random.getrandbits(64)][1:]", "[25927506728062142345328256185, 99, 12399281091811327640]"},
        {"[random.seed(0), [random.randrange(1000) for _ in range(5)], random.randint(-10**20, 10**20)][1:]", "[[864, 394, 776, 911, 430], 19644248267095729762]"},
        {"[random.seed(1), [random.randrange(1000) for _ in range(5)], random.randint(-10**20, 10**20)][1:]", "[[137, 582, 867, 821, 782], -76848062783021398831]"},
        {"[random.seed(42), [random.randrange(1000) for _ in range(5)], random.randint(-10**20, 10**20)][1:]", "[[654, 114, 25, 759, 281], -58989000380722889840]"},
        {"[random.seed(12345), [random.randrange(1000) for _ in range(5)], random.randint(-10**20, 10**20)][1:]", "[[426, 750, 10, 839, 845], -27471374010919404953]"},
        {"[random.seed(4294967296), [random.randrange(1000) for _ in range(5)], random.randint(-10**20, 10**20)][1:]", "[[115, 359, 427, 957, 17], 6296284292363248128]"},
        {"[random.seed(18446744073709551623), [random.randrange(1000) for _ in range(5)], random.randint(-10**20, 10**20)][1:]", "[[985, 86, 335, 49, 792], 1243803528270500646]"},
    };

    private static final String DISTRIBUTIONS_SETUP = "import random\nr = random.Random(2024)";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] DISTRIBUTIONS = {
        {"[r.randrange(0, 100, 7), r.randrange(50, 0, -3), r.randint(1, 6), r.choice('abcdef')]", "[49, 35, 6, 'e']"},
        {"r.sample(range(100), 5)", "[60, 23, 93, 74, 38]"},
        {"r.sample(range(10**6), 8)", "[492925, 190532, 763640, 606446, 318506, 209926, 930399, 758660]"},
        {"r.sample('abcdefgh', 8)", "['h', 'b', 'f', 'e', 'c', 'a', 'g', 'd']"},
        {"r.sample(['a', 'b', 'c'], 5, counts=[3, 1, 2])", "['b', 'a', 'a', 'a', 'c']"},
        {"r.choices('abc', k=6)", "['b', 'c', 'a', 'c', 'b', 'c']"},
        {"r.choices('abc', weights=[5, 1, 1], k=6)", "['a', 'b', 'a', 'c', 'a', 'b']"},
        {"r.choices(range(5), cum_weights=[1, 2, 3, 4, 5], k=5)", "[2, 3, 1, 4, 2]"},
        {"[r.uniform(1, 3), r.triangular(0, 10, 2), r.gauss(5, 2), r.gauss(5, 2), r.normalvariate(0, 1)]", "[1.9401814368621413, 5.337505315161915, 3.6153036068144457, 8.942930368171087, -0.5442955397371017]"},
        {"[r.expovariate(1.5), r.lognormvariate(0, 0.5), r.vonmisesvariate(1.0, 2.0), r.gammavariate(2.5, 1.0), r.gammavariate(0.5, 2.0)]", "[0.42336630262517566, 1.3247408725220078, 6.014942074618167, 5.205559628608452, 0.48485150812605315]"},
        {"[r.betavariate(2, 3), r.paretovariate(3), r.weibullvariate(1, 1.5), r.randbytes(5)]", "[0.474108755091172, 1.1923517709919673, 1.1671620619247474, b'D\\x88\\xe5C\\x88']"},
    };

    private static final String STATE_SETUP = "import random\nr = random.Random(7)\nstate = r.getstate()\nfirst = [r.random() for _ in range(3)]\nr.setstate(state)";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] STATE = {
        {"[r.random() for _ in range(3)] == first", "True"},
        {"len(state[1])", "625"},
        {"state[0]", "3"},
        {"state[1][-1]", "624"},
        {"random.Random(5).random() == random.Random(5).random()", "True"},
        {"type(random.SystemRandom().random())", "<class 'float'>"},
        {"0 <= random.SystemRandom().randrange(10) < 10", "True"},
    };

    private static final String ERRORS_SETUP = "import random\nr = random.Random(1)";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] ERRORS = {
        {"r.randrange(0)", "ValueError: empty range for randrange()"},
        {"r.randrange(5, 1)", "ValueError: empty range for randrange() (5, 1, -4)"},
        {"r.randrange(1, 10, 0)", "ValueError: zero step for randrange()"},
        {"r.randint(5, 1)", "ValueError: empty range for randrange() (5, 2, -3)"},
        {"r.choice([])", "IndexError: Cannot choose from an empty sequence"},
        {"r.sample([1, 2], 3)", "ValueError: Sample larger than population or is negative"},
        {"r.sample({1, 2}, 1)", "TypeError: Population must be a sequence.  For dicts or sets, use sorted(d)."},
        {"r.getrandbits(-1)", "ValueError: number of bits must be non-negative"},
        {"r.choices('ab', [1], k=2)", "ValueError: The number of weights does not match the population"},
        {"r.choices('ab', [0, 0])", "ValueError: Total of weights must be greater than zero"},
        {"r.seed([1, 2])", "TypeError: The only supported seed types are: None,\nint, float, str, bytes, and bytearray."},
        {"r.randrange(1.5)", "ValueError: non-integer arg 1 for randrange()"},
        {"r.setstate((3, (1, 2), None))", "ValueError: state vector is the wrong size"},
    };

    private static final String SUBCLASS_SETUP = "import random\nclass Fixed(random.Random):\n    def random(self):\n        return 0.5\nclass Counted(random.Random):\n    def __init__(self, seed):\n        super().__init__(seed)\n        self.calls = 0\n    def getrandbits(self, k):\n        self.calls += 1\n        return super().getrandbits(k)\nc = Counted(3)";

    /** Expression and its expected repr (or "Type: message"). */
    private static final String[][] SUBCLASS = {
        {"Fixed().randrange(10)", "6"},
        {"Fixed().choice('abcd')", "'a'"},
        {"[c.randrange(100) for _ in range(3)]", "[30, 75, 69]"},
        {"(c.randrange(10), c.calls)[1] > 0", "True"},
    };

    private static List<DynamicTest> cases(String setup, String[][] table) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : table) {
            tests.add(DynamicTest.dynamicTest(c[0], () -> assertEquals(c[1], PythonSnippets.eval(setup, c[0]))));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> sequences() { return cases(SEQUENCES_SETUP, SEQUENCES); }

    @TestFactory
    List<DynamicTest> distributions() { return cases(DISTRIBUTIONS_SETUP, DISTRIBUTIONS); }

    @TestFactory
    List<DynamicTest> state() { return cases(STATE_SETUP, STATE); }

    @TestFactory
    List<DynamicTest> errors() { return cases(ERRORS_SETUP, ERRORS); }

    @TestFactory
    List<DynamicTest> subclass() { return cases(SUBCLASS_SETUP, SUBCLASS); }
}

