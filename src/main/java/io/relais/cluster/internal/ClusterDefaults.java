package io.relais.cluster.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.relais.cluster.ClusterSettings;

/**
 * In cluster mode the inbox route must not start with Camel: only the elected node reads the inbox (it starts the
 * route when elected), and its stopped route does not make the node unhealthy. Connections to the shared database
 * notice a cut network: the node gives up a statement that has had no answer for
 * {@code relais.cluster.database-timeout} (a cut connection otherwise hangs for the kernel's retransmission time,
 * about a quarter of an hour), and PostgreSQL probes each node's connection (TCP keepalives every few seconds) and
 * drops it, rolling back its transaction and releasing its locks, within about 20 s of the node going silent. Added
 * as defaults, so an explicit setting still wins.
 */
public class ClusterDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClusterSettings cluster = Binder.get(environment).bindOrCreate("relais.cluster", ClusterSettings.class);
        if (cluster.enabled()) {
            String pgjdbc = "spring.datasource.hikari.data-source-properties.";
            environment.getPropertySources().addLast(new MapPropertySource("relaisClusterDefaults", Map.of(
                    "camel.main.auto-startup-exclude-pattern", "inbox",
                    // a node that does not poll has its inbox route stopped on purpose: not a health problem
                    "camel.health.exclude-pattern", "inbox",
                    pgjdbc + "socketTimeout", String.valueOf(Math.max(1, cluster.databaseTimeout().toSeconds())),
                    pgjdbc + "tcpKeepAlive", "true",
                    // the server's side of each connection (session settings sent at connection time)
                    pgjdbc + "options", "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=3 "
                            + "-c tcp_keepalives_count=4 -c tcp_user_timeout=20000")));
        }
    }
}
