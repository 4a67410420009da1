/**
 * JMH micro-benchmarks of the VM's hot paths, measured in isolation from start-up and from the
 * script runner: instruction dispatch, the GIL's cheap path (no waiter: one counter decrement and
 * a branch) and its hand-off between two threads, attribute and global look-ups, calls, and the
 * built-in containers with the lock on and off.
 *
 * <p>Write each group as a class of {@code @Benchmark} methods with {@code @State} fixtures in
 * this package. The JMH annotation processor is wired in {@code benchmarks/pom.xml}, so they
 * compile in every normal build. To run them:
 *
 * <pre>
 * mvn -q -Pbench -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar [JMH options, e.g. -f 1 -wi 3 -i 5 Dispatch]
 * </pre>
 *
 * <p>Whole-script comparisons against CPython are not here: see {@code benchmarks/run.py}.
 */
package dev.gild.bench.jmh;
