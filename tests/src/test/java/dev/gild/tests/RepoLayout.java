package dev.gild.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository and the shared conformance corpus beside it. */
final class RepoLayout {

    private RepoLayout() {
    }

    /**
     * The repository root. Surefire passes it as {@code gild.repoRoot} (see tests/pom.xml);
     * when the tests run some other way (an IDE), it is the nearest folder above the working
     * directory that holds {@code tests/pom.xml}.
     */
    static Path root() {
        String configured = System.getProperty("gild.repoRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tests/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Gild repository root above "
                + Path.of("").toAbsolutePath() + "; set -Dgild.repoRoot");
    }

    /**
     * The conformance corpus: {@code shared/conformance} beside the repository (as on every
     * developer machine and in CI), or the folder named by {@code GILD_CONFORMANCE_DIR}.
     */
    static Path conformanceCorpus() {
        String configured = System.getenv("GILD_CONFORMANCE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return root().resolveSibling("shared").resolve("conformance");
    }

    static Path knownFailuresFile() {
        return root().resolve("tests/src/test/resources/conformance-known-failures.txt");
    }
}
