package io.relais.publish.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The partners' current tokens as this process has seen them — when it issued one, or when the partner fetched its
 * feed with it — in memory only, never written anywhere: Relais stores only a token's hash, yet a WebSub ping must
 * name the partner's topic URL, token included. A rotated or revoked token is forgotten at once. After a restart (or
 * on a cluster node that has not served the partner) a partner's feed is pinged again from its next fetch on; until
 * then the partner polls, as it does anyway.
 */
@Component
public class PartnerTopics {

    private final Map<Long, String> tokens = new ConcurrentHashMap<>();

    public void seen(long partnerId, String token) {
        tokens.put(partnerId, token);
    }

    public void forget(long partnerId) {
        tokens.remove(partnerId);
    }

    Optional<String> token(long partnerId) {
        return Optional.ofNullable(tokens.get(partnerId));
    }
}
