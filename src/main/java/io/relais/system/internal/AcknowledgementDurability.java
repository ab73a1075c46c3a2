package io.relais.system.internal;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start what an acknowledgement ({@code 201}, a file moved to {@code .done}) is worth on this database, as
 * the database itself reports it, and warns when it is less than "on disk": an H2 file with a write delay, a
 * PostgreSQL server with {@code fsync} or {@code synchronous_commit} off. Also sets the H2 files made since the
 * start to owner-only ({@link EmbeddedDatabaseSettings}).
 */
@Component
class AcknowledgementDurability {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementDurability.class);

    private final JdbcClient jdbc;
    private final Environment environment;

    AcknowledgementDurability(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        String url = environment.getProperty(EmbeddedDatabaseSettings.URL, "");
        if (url.startsWith("jdbc:postgresql:")) {
            String synchronousCommit = jdbc.sql("show synchronous_commit").query(String.class).single();
            String fsync = jdbc.sql("show fsync").query(String.class).single();
            if ("off".equalsIgnoreCase(synchronousCommit) || "off".equalsIgnoreCase(fsync)) {
                log.warn("PostgreSQL has synchronous_commit={} and fsync={}: an acknowledged article may be lost in a "
                        + "crash of the database server", synchronousCommit, fsync);
            } else {
                log.info("Acknowledgements are durable: PostgreSQL commits with synchronous_commit={}, fsync={}",
                        synchronousCommit, fsync);
            }
            return;
        }
        EmbeddedDatabaseSettings.H2File h2 = EmbeddedDatabaseSettings.H2File.of(url);
        if (h2 == null) {
            return;
        }
        String writeDelay = jdbc.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                .query(String.class).optional().orElse("?");
        if ("0".equals(writeDelay)) {
            log.info("Acknowledgements survive a crash of this process: H2 writes each commit to {} before it returns "
                    + "(WRITE_DELAY=0); a power cut needs PostgreSQL", h2.databaseFile());
        } else {
            log.warn("H2 delays writes by {} ms: an acknowledged article may be lost if this process dies", writeDelay);
        }
        try {
            EmbeddedDatabaseSettings.ownerOnly(h2);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not make the database files of {} readable by their owner only: {}", h2.path(), e.getMessage());
        }
    }
}
