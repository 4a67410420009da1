package dev.gild.runtime;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The stable sort behind list.sort() and sorted(). Keys that are all ints, all strs or all
 * NaN-free floats are sorted with Java's TimSort and a direct comparator. Anything else goes
 * through a stable merge sort that only ever asks Python's {@code <} (as CPython's sort does), so a
 * user {@code __lt__} is called once per comparison, inconsistent orderings (NaN, partial orders)
 * cannot upset it, and an exception from {@code __lt__} propagates with every item still in the
 * array.
 */
final class ListSort {
    private ListSort() {}

    /** Below this length a range is sorted by binary insertion. */
    private static final int RUN = 32;

    private static final Comparator<Object> LONGS = (a, b) -> Long.compare((Long) a, (Long) b);
    private static final Comparator<Object> STRINGS = (a, b) -> StrMethods.compare((String) a, (String) b);
    private static final Comparator<Object> DOUBLES = (a, b) -> {
        double x = (Double) a;
        double y = (Double) b;
        return x < y ? -1 : x > y ? 1 : 0;
    };

    /** A value carried along with its sort key. */
    private record Keyed(Object key, Object value) {}

    /**
     * Sorts items[0, n) stably by keys[0, n), or by the items themselves when keys is null.
     * The keys array is reordered too.
     */
    static void sort(Object[] items, Object[] keys, int n) {
        if (n < 2) return;
        Comparator<Object> direct = directComparator(keys == null ? items : keys, n);
        if (keys == null) {
            if (direct != null) Arrays.sort(items, 0, n, direct);
            else mergeSort(items, null, n);
            return;
        }
        if (direct != null) {
            Keyed[] pairs = new Keyed[n];
            for (int i = 0; i < n; i++) pairs[i] = new Keyed(keys[i], items[i]);
            Arrays.sort(pairs, (a, b) -> direct.compare(a.key, b.key));
            for (int i = 0; i < n; i++) {
                keys[i] = pairs[i].key;
                items[i] = pairs[i].value;
            }
        } else {
            mergeSort(keys, items, n);
        }
    }

    /** A Java comparator equivalent to Python's {@code <} when all keys share a simple type, else null. */
    private static Comparator<Object> directComparator(Object[] keys, int n) {
        Class<?> c = keys[0].getClass();
        if (c != Long.class && c != String.class && c != Double.class) return null;
        for (int i = 1; i < n; i++) if (keys[i].getClass() != c) return null;
        if (c == Long.class) return LONGS;
        if (c == String.class) return STRINGS;
        for (int i = 0; i < n; i++) if (Double.isNaN((Double) keys[i])) return null;
        return DOUBLES;
    }

    private static boolean lt(Object a, Object b) { return Ops.lessThan(a, b); }

    /** Stable merge sort of keys (values, when not null, move with their keys) using only {@code <}. */
    private static void mergeSort(Object[] keys, Object[] values, int n) {
        int run = leadingRun(keys, values, n);
        if (run == n) return;
        for (int lo = 0; lo < n; lo += RUN) {
            int hi = Math.min(lo + RUN, n);
            insertionSort(keys, values, lo, hi, lo == 0 ? Math.min(run, hi) : lo + 1);
        }
        if (n <= RUN) return;
        Object[] tmpKeys = new Object[(n + 1) / 2];
        Object[] tmpValues = values == null ? null : new Object[tmpKeys.length];
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo + width < n; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                if (!lt(keys[mid], keys[mid - 1])) continue;
                merge(keys, values, lo, mid, hi, tmpKeys, tmpValues);
            }
        }
    }

    /**
     * Length of the ascending (non-descending) or strictly descending run at the start, as
     * CPython's count_run; a descending run is reversed in place, which keeps the sort stable.
     */
    private static int leadingRun(Object[] keys, Object[] values, int n) {
        int k = 1;
        if (lt(keys[1], keys[0])) {
            k = 2;
            while (k < n && lt(keys[k], keys[k - 1])) k++;
            reverse(keys, 0, k);
            if (values != null) reverse(values, 0, k);
        } else {
            k = 2;
            while (k < n && !lt(keys[k], keys[k - 1])) k++;
        }
        return k;
    }

    static void reverse(Object[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Binary insertion sort of [lo, hi) whose prefix [lo, start) is already sorted. */
    private static void insertionSort(Object[] keys, Object[] values, int lo, int hi, int start) {
        for (int i = start; i < hi; i++) {
            Object pivot = keys[i];
            int left = lo;
            int right = i;
            while (left < right) {
                int mid = (left + right) >>> 1;
                if (lt(pivot, keys[mid])) right = mid;
                else left = mid + 1;
            }
            if (left == i) continue;
            System.arraycopy(keys, left, keys, left + 1, i - left);
            keys[left] = pivot;
            if (values != null) {
                Object v = values[i];
                System.arraycopy(values, left, values, left + 1, i - left);
                values[left] = v;
            }
        }
    }

    /** Merges the sorted ranges [lo, mid) and [mid, hi); on an exception every item is put back. */
    private static void merge(Object[] keys, Object[] values, int lo, int mid, int hi,
                              Object[] tmpKeys, Object[] tmpValues) {
        int leftLength = mid - lo;
        System.arraycopy(keys, lo, tmpKeys, 0, leftLength);
        if (values != null) System.arraycopy(values, lo, tmpValues, 0, leftLength);
        int i = 0;
        int j = mid;
        int k = lo;
        try {
            while (i < leftLength && j < hi) {
                if (lt(keys[j], tmpKeys[i])) {
                    keys[k] = keys[j];
                    if (values != null) values[k] = values[j];
                    j++;
                } else {
                    keys[k] = tmpKeys[i];
                    if (values != null) values[k] = tmpValues[i];
                    i++;
                }
                k++;
            }
        } finally {
            System.arraycopy(tmpKeys, i, keys, k, leftLength - i);
            if (values != null) System.arraycopy(tmpValues, i, values, k, leftLength - i);
        }
    }
}
