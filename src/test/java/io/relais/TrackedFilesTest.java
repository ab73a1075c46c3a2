package io.relais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nothing generated or secret is in git: the run state of {@code ./relais run} ({@code data/}, {@code inbox/},
 * {@code feeds/}) and of {@code ./relais cluster} ({@code cluster/}, with its administrator password), build output,
 * databases, logs, and nothing that looks like a key or a password. The tracked files are {@code git ls-files} when
 * the checkout has git; a tree without git tracks nothing, and the files in it (run state left out) are checked for
 * secrets.
 */
class TrackedFilesTest {

    /** A path only a run, a build or a test writes; {@code ignoredBy} is the .gitignore line that keeps it out. */
    record Generated(String what, Pattern path, String ignoredBy, String example) {
        Generated(String what, String path, String ignoredBy, String example) {
            this(what, Pattern.compile(path), ignoredBy, example);
        }
    }

    static final List<Generated> GENERATED = List.of(
            new Generated("build output", "^target/", "/target/", "target/relais.jar"),
            new Generated("./relais run's database", "^data/", "/data/", "data/relais.mv.db"),
            new Generated("the drop folder", "^inbox/", "/inbox/", "inbox/.done/article.html"),
            new Generated("./relais cluster's state", "^cluster/", "/cluster/", "cluster/admin-password"),
            new Generated("published feeds", "^feeds/(?!README\\.md$)", "/feeds/*", "feeds/es/rss.xml"),
            new Generated("an H2 database", "\\.(mv|trace|lock)\\.db$", "*.mv.db", "relais.mv.db"),
            new Generated("a log", "\\.log$", "*.log", "relais.log"),
            new Generated("a process id", "\\.pid$", "*.pid", "node-1.pid"),
            new Generated("a heap dump", "\\.hprof$", "*.hprof", "java_pid12.hprof"),
            new Generated("screenshots", "(^|/)screenshots/", "screenshots/", "screenshots/review.png"),
            new Generated("an environment file", "(^|/)\\.env$", ".env", ".env"));

    /** File names that hold keys or passwords (a class named {@code PasswordConfiguration.java} is not one). */
    static final Pattern SECRET_NAME = Pattern.compile("(?i)(^|/)(id_(rsa|dsa|ecdsa|ed25519)|[^/]*\\.(pem|key|p12|pfx"
            + "|jks|keystore|kdbx)|[^/]*(password|passwd|secret|token|credentials)s?(\\.txt)?)$");

    /** Contents that are keys: a private key block, and the shapes of common service tokens. */
    static final Pattern SECRET_TEXT = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----|\\bAKIA[0-9A-Z]{16}\\b"
            + "|\\bgh[pousr]_[A-Za-z0-9]{36}\\b|\\bgithub_pat_[A-Za-z0-9_]{40,}|\\bxox[abpr]-[A-Za-z0-9-]{10,}"
            + "|\\bsk-[A-Za-z0-9_-]{32,}");

    /** A small file holding nothing but one random-looking word: how a generated password looks on disk. */
    static final Pattern LONE_TOKEN = Pattern.compile("\\s*(?=\\S*[a-z])(?=\\S*[A-Z])(?=\\S*[0-9])[A-Za-z0-9+/=_-]{16,200}\\s*");

    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void noTrackedFileIsRunStateBuildOutputADatabaseOrALog() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String file : trackedFiles()) {
            generatedAs(file).ifPresent(g -> offenders.add(file + " (" + g.what() + ")"));
        }
        assertThat(offenders).as("generated files tracked by git: git rm --cached them (.gitignore keeps them out)")
                .isEmpty();
    }

    @Test
    void noTrackedFileLooksLikeAKeyOrAPassword() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String file : trackedFiles()) {
            Path path = ROOT.resolve(file);
            if (Files.isRegularFile(path)) {
                secret(file, head(path)).ifPresent(why -> offenders.add(file + " (" + why + ")"));
            }
        }
        assertThat(offenders).as("secrets tracked by git: remove them, rotate them (docs/security.md), keep them in the"
                + " environment").isEmpty();
    }

    @Test
    void gitIgnoresEveryGeneratedPath() throws IOException, InterruptedException {
        List<String> examples = GENERATED.stream().map(Generated::example).toList();
        if (hasGit()) {
            List<String> command = new ArrayList<>(List.of("git", "check-ignore", "--no-index"));
            command.addAll(examples);
            List<String> ignored = Arrays.asList(run(command).split("\n"));
            assertThat(ignored).as("git check-ignore --no-index").containsExactlyInAnyOrderElementsOf(examples);
            assertThat(run(List.of("git", "check-ignore", "--no-index", "feeds/README.md", "src/main/java/io/relais/"
                    + "cluster/ClusterNode.java"))).as("sources that share a generated folder's name").isBlank();
        } else {
            List<String> lines = Files.readAllLines(ROOT.resolve(".gitignore"));
            assertThat(lines).containsAll(GENERATED.stream().map(Generated::ignoredBy).toList());
        }
    }

    @Test
    void theRulesCatchWhatWasCommittedBeforeAndSpareTheSources() {
        assertThat(generatedAs("cluster/admin-password")).isPresent();
        assertThat(generatedAs("cluster/node-0/feeds/ca/atom.xml")).isPresent();
        assertThat(generatedAs("feeds/index.html")).isPresent();
        assertThat(generatedAs("feeds/feeds.opml")).isPresent();
        assertThat(secret("secrets/admin-password", "q3ZrT0x9bKp2LmN8vW4yHs1d\n")).isPresent();
        assertThat(secret("deploy/notes.txt", "Xq3ZrT0x9bKp2LmN8vW4yHs1d")).isPresent();
        assertThat(secret("deploy/server.pem", "")).isPresent();
        String pemHeader = "-----BEGIN RSA " + "PRIVATE KEY-----";   // split, or this file would hold one
        assertThat(secret("a.yml", "key: |\n  " + pemHeader + "\n  MIIB")).isPresent();

        assertThat(generatedAs("src/main/java/io/relais/cluster/ClusterNode.java")).isEmpty();
        assertThat(generatedAs("src/test/resources/cluster/phrases-fr.txt")).isEmpty();
        assertThat(generatedAs("feeds/README.md")).isEmpty();
        assertThat(secret("src/main/java/io/relais/system/internal/PasswordConfiguration.java", "class A {}")).isEmpty();
        assertThat(secret("README.md", "Relais takes French news articles")).isEmpty();
        assertThat(secret("src/test/resources/one-word.txt", "Bonjour")).isEmpty();
    }

    static Optional<Generated> generatedAs(String file) {
        return GENERATED.stream().filter(g -> g.path().matcher(file).find()).findFirst();
    }

    static Optional<String> secret(String file, String head) {
        if (SECRET_NAME.matcher(file).find()) {
            return Optional.of("named like a key or a password");
        }
        if (SECRET_TEXT.matcher(head).find()) {
            return Optional.of("holds a private key or a service token");
        }
        if (head.length() <= 256 && LONE_TOKEN.matcher(head).matches()) {
            return Optional.of("holds one random-looking word, like a generated password");
        }
        return Optional.empty();
    }

    /** The first 1 MB of a text file; empty for a binary one (a NUL byte in it). */
    private static String head(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(1 << 20);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return "";
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code git ls-files}, or without git every file of the tree but run state and build output. */
    static List<String> trackedFiles() throws IOException {
        if (hasGit()) {
            try {
                return Arrays.stream(run(List.of("git", "ls-files", "-z")).split("\0")).filter(f -> !f.isEmpty())
                        .toList();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> generatedAs(f).isEmpty()).toList();
        }
    }

    /** A checkout with git (a folder, or a file in a worktree) and a git command to read it. */
    static boolean hasGit() {
        if (!Files.exists(ROOT.resolve(".git"))) {
            return false;
        }
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a git command in the checkout and returns its output; {@code check-ignore}'s exit 1 means "none". */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 && !(exit == 1 && command.contains("check-ignore"))) {
            throw new IOException(String.join(" ", command) + " exited with " + exit + ": " + output);
        }
        return output;
    }
}
