package io.relais.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database migrated by Flyway with the service's migrations, for tests below the application: a private H2 in
 * PostgreSQL mode, or the suite's PostgreSQL under {@code ./relais test-postgres} (shared with the suite: such tests
 * name their rows uniquely).
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** {@code name} names the private H2 database. */
    public static DataSource create(String name) {
        Staged database = upTo(name, null);
        database.finish();
        return database.source();
    }

    /**
     * A database migrated up to version {@code target} only, to test a later migration on rows written before it:
     * a private H2, or a schema of its own in the suite's PostgreSQL (dropped by nobody: the suite's database is
     * made afresh for each run). {@link Staged#finish()} applies the rest.
     */
    public static Staged upTo(String name, String target) {
        Staged database = unmigrated(name, target != null);
        if (target != null) {
            database.flyway().target(target).load().migrate();
            database.flyway().target(MigrationVersion.LATEST);
        }
        return database;
    }

    /** A database with no migration applied yet, and the service's migrations ({@code ownSchema}: see upTo). */
    private static Staged unmigrated(String name, boolean ownSchema) {
        String url = System.getProperty("spring.datasource.url", "");
        String vendor;
        DataSource database;
        String schema = null;
        if (url.startsWith("jdbc:postgresql:")) {
            vendor = "postgresql";
            if (ownSchema) {
                schema = (name + "_" + UUID.randomUUID()).replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
                url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            }
            database = new DriverManagerDataSource(url, System.getProperty("spring.datasource.username"),
                    System.getProperty("spring.datasource.password"));
        } else {
            database = new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            vendor = "h2";
        }
        FluentConfiguration flyway = Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (schema != null) {
            flyway.schemas(schema);
        }
        return new Staged(database, flyway);
    }

    /**
     * A database as an earlier release left it: migrated with every migration but {@code later} (versions added
     * since), whichever numbers the others have; {@link Staged#finish()} then upgrades it with the service's Flyway
     * settings ({@code spring.flyway.out-of-order} from application.yml).
     */
    public static Staged earlierRelease(String name, Set<String> later) throws IOException {
        Staged fresh = unmigrated(name, true);
        Path copy = Files.createTempDirectory("migrations-");
        List<String> locations = new ArrayList<>();
        for (String location : Arrays.stream(fresh.flyway().getLocations()).map(Location::getPath).toList()) {
            Path from = Path.of(new ClassPathResource(location).getURI());
            Path to = Files.createDirectories(copy.resolve(from.getFileName().toString()));
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    String version = file.getFileName().toString().replaceFirst("^V([0-9_]+)__.*", "$1");
                    if (!later.contains(version)) {
                        Files.copy(file, to.resolve(file.getFileName()));
                    }
                }
            }
            locations.add("filesystem:" + to);
        }
        // the Java migrations (db.migration.<folder>.V…), which a filesystem location does not find
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
        List<JavaMigration> java = new ArrayList<>();
        for (String location : Arrays.stream(fresh.flyway().getLocations()).map(Location::getPath).toList()) {
            for (BeanDefinition found : scan.findCandidateComponents(location.replace('/', '.'))) {
                JavaMigration migration = (JavaMigration) BeanUtils.instantiateClass(
                        ClassUtils.resolveClassName(found.getBeanClassName(), null));
                if (!later.contains(migration.getVersion().getVersion().replace('.', '_'))) {
                    java.add(migration);
                }
            }
        }
        Flyway.configure().configuration(fresh.flyway()).locations(locations.toArray(String[]::new))
                .javaMigrations(java.toArray(JavaMigration[]::new)).load().migrate();
        Properties service = serviceSettings();
        fresh.flyway().outOfOrder(Boolean.parseBoolean(service.getProperty("spring.flyway.out-of-order", "false")));
        return fresh;
    }

    private static Properties serviceSettings() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }

    /** A database and the migrations not yet applied to it. */
    public record Staged(DataSource source, FluentConfiguration flyway) {

        public void finish() {
            flyway.load().migrate();
        }
    }
}
