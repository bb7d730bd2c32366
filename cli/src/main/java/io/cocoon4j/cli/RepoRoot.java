package io.cocoon4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the cocoon4j checkout the CLI runs from, for commands that need files outside the jar
 * (the Node reference scripts and their node_modules): {@code COCOON_ROOT}, else the folder two
 * levels above the jar (cli/target/cocoon.jar), else the working directory or one of its parents.
 */
public final class RepoRoot {
    private RepoRoot() {}

    public static Path find() {
        String env = System.getenv("COCOON_ROOT");
        if (env != null && isRoot(Path.of(env))) {
            return Path.of(env).toAbsolutePath();
        }
        try {
            Path jar = Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar; p != null; p = p.getParent()) {
                if (isRoot(p)) {
                    return p;
                }
            }
        } catch (java.net.URISyntaxException | SecurityException | java.nio.file.FileSystemNotFoundException e) {
            // fall through to the working directory
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the cocoon4j checkout (looked for chain/bench and contracts/); "
                + "set COCOON_ROOT to it");
    }

    private static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("chain/bench")) && Files.isRegularFile(p.resolve("contracts/package.json"));
    }
}
