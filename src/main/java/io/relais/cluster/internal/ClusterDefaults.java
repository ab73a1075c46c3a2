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
 * route when elected), and its stopped route does not make the node unhealthy. Added as defaults, so an explicit
 * setting still wins.
 */
public class ClusterDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (Binder.get(environment).bindOrCreate("relais.cluster", ClusterSettings.class).enabled()) {
            environment.getPropertySources().addLast(new MapPropertySource("relaisClusterDefaults",
                    Map.of("camel.main.auto-startup-exclude-pattern", "inbox",
                            // a node that does not poll has its inbox route stopped on purpose: not a health problem
                            "camel.health.exclude-pattern", "inbox")));
        }
    }
}
