package io.relais.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The database as an acknowledgement needs it, whatever URL the operator wrote, settled before anything opens it.
 * <p>
 * An H2 file database ({@code jdbc:h2:file:...}, the embedded default):
 * <ul>
 * <li>{@code WRITE_DELAY=0}: each commit is written to the file before the commit returns. H2's default (500 ms)
 * keeps commits in memory for up to half a second, so a {@code kill -9} lost articles already answered {@code 201}
 * or moved to {@code .done}. H2 sets it anew from the URL at every open (a stored {@code SET WRITE_DELAY} does not
 * last), hence the URL. What H2 writes reaches the operating system, which keeps it through a crash of the process;
 * H2 does not force it to the disk at each commit, so a power cut may still lose the last second (PostgreSQL, with
 * its {@code fsync} and {@code synchronous_commit} on, is the store for that).</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook closed the database at the first SIGTERM while an
 * inbox import was still writing, which then failed (and its file went to {@code .failed} with no reason kept);
 * Spring closes the pool after Camel has finished the imports in flight.</li>
 * <li>its files readable by their owner only: a missing directory is created {@code 0700}, the database file is
 * created {@code 0600} before H2 opens it, and the other files H2 made are set {@code 0600} at every start;</li>
 * <li>no empty password: without {@code spring.datasource.password}, one is generated for the data directory and
 * kept beside the database ({@code <name>.password}, {@code 0600}; {@code data/} is not in git), and a database
 * created with an empty password gets it;</li>
 * <li>no network server: the default URL has no {@code AUTO_SERVER}; a URL that asks for it gets it bound to
 * loopback ({@code h2.bindAddress}) rather than every interface, and keeps H2's shutdown hook (H2 refuses
 * {@code AUTO_SERVER=TRUE} with {@code DB_CLOSE_ON_EXIT=FALSE}).</li>
 * </ul>
 * PostgreSQL: every connection of the pool sets {@code synchronous_commit} to {@code on} (its default), so that a
 * database or role configured {@code off} cannot make Relais acknowledge a commit that is not yet on disk.
 */
public class EmbeddedDatabaseSettings implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    static final String PASSWORD = "spring.datasource.password";
    static final String INIT_SQL = "spring.datasource.hikari.connection-init-sql";

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Log log;

    public EmbeddedDatabaseSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseSettings.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        Map<String, Object> settled = new LinkedHashMap<>();
        if (url != null && url.startsWith("jdbc:postgresql:") && environment.getProperty(INIT_SQL) == null) {
            settled.put(INIT_SQL, "set synchronous_commit to on");
        }
        H2File h2 = H2File.of(url);
        if (h2 != null) {
            settled.put(URL, h2.durableUrl());
            if (h2.autoServer() && System.getProperty("h2.bindAddress") == null) {
                System.setProperty("h2.bindAddress", "127.0.0.1");
            }
            protect(h2);
            String password = environment.getProperty(PASSWORD);
            if (password == null || password.isEmpty()) {
                settled.put(PASSWORD, generatedPassword(h2, environment.getProperty("spring.datasource.username", "sa")));
            }
        }
        if (!settled.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("relaisDatabaseSettings", settled));
        }
    }

    /** An embedded H2 database in a file: where it is, and its URL's settings. */
    record H2File(Path path, String location, Map<String, String> settings) {

        /** Null for anything but an H2 file URL (in memory, over TCP, another database). */
        static H2File of(String url) {
            if (url == null || !url.startsWith("jdbc:h2:")) {
                return null;
            }
            String[] parts = url.substring("jdbc:h2:".length()).split(";");
            String location = parts[0];
            String lower = location.toLowerCase(Locale.ROOT);
            if (lower.startsWith("mem:") || lower.startsWith("tcp:") || lower.startsWith("ssl:")
                    || lower.startsWith("zip:")) {
                return null;
            }
            String file = lower.startsWith("file:") ? location.substring("file:".length()) : location;
            if (file.startsWith("~")) {
                file = System.getProperty("user.home") + file.substring(1);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                if (equals > 0) {
                    settings.put(parts[i].substring(0, equals).strip().toUpperCase(Locale.ROOT),
                            parts[i].substring(equals + 1).strip());
                }
            }
            return new H2File(Path.of(file).toAbsolutePath().normalize(), location, settings);
        }

        boolean autoServer() {
            return "TRUE".equalsIgnoreCase(settings.get("AUTO_SERVER"));
        }

        /**
         * The same URL with every commit written at once and no closing by H2's shutdown hook (unless AUTO_SERVER,
         * which H2 does not open without it).
         */
        String durableUrl() {
            Map<String, String> durable = new LinkedHashMap<>(settings);
            durable.put("WRITE_DELAY", "0");
            if (!autoServer()) {
                // H2 refuses to open a database with AUTO_SERVER=TRUE and DB_CLOSE_ON_EXIT=FALSE: an operator who asks
                // for the automatic server (other processes reading the file) keeps H2's shutdown hook
                durable.put("DB_CLOSE_ON_EXIT", "FALSE");
            }
            StringBuilder url = new StringBuilder("jdbc:h2:").append(location);
            durable.forEach((key, value) -> url.append(';').append(key).append('=').append(value));
            return url.toString();
        }

        Path databaseFile() {
            return path.resolveSibling(path.getFileName() + ".mv.db");
        }

        Path passwordFile() {
            return path.resolveSibling(path.getFileName() + ".password");
        }
    }

    /** The directory made owner-only if it is new, the database file created owner-only, H2's other files made so. */
    static void protect(H2File h2) {
        try {
            Path directory = h2.path().getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            try {
                Files.createFile(h2.databaseFile(), PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (FileAlreadyExistsException existing) {
                // protected below with the others
            }
            ownerOnly(h2);
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to set
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the database directory of " + h2.path(), e);
        }
    }

    /** Every file of this database ({@code <name>.*}: data, trace, lock, password) readable by its owner only. */
    static void ownerOnly(H2File h2) throws IOException {
        String prefix = h2.path().getFileName() + ".";
        try (Stream<Path> files = Files.list(h2.path().getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && Files.isRegularFile(f)).toList()) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        }
    }

    /**
     * The data directory's password: read, or generated and kept there; a database that exists already with an
     * empty password (made before Relais generated one) is given it.
     */
    private String generatedPassword(H2File h2, String user) {
        Path file = h2.passwordFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path aside = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(aside);
            Files.createFile(aside, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            Files.writeString(aside, password + "\n", StandardCharsets.UTF_8);
            if (Files.size(h2.databaseFile()) > 0) {
                setPassword(h2, user, password);
            }
            Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("Database password generated for " + h2.path() + " (kept in " + file + ", readable by its owner only)");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database password in " + file, e);
        }
    }

    private static void setPassword(H2File h2, String user, String password) {
        try (Connection connection = DriverManager.getConnection(h2.durableUrl(), user, "");
             Statement statement = connection.createStatement()) {
            // the user as H2 stored it (its case depends on the database's settings)
            ResultSet current = statement.executeQuery("select current_user");
            current.next();
            String stored = current.getString(1);
            statement.execute("ALTER USER \"" + stored.replace("\"", "\"\"") + "\" SET PASSWORD '"
                    + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("the database " + h2.path() + " has a password that is not configured: set "
                    + "RELAIS_DB_PASSWORD (" + e.getMessage() + ")", e);
        }
    }
}
