package io.relais.cluster.internal;

/**
 * This node (a bean only in cluster mode): a readable name for logs and messages (the partition worker's too), and
 * the id it holds locks under (unique per process, so that a restarted node does not inherit the locks of its
 * previous life).
 */
public record ClusterNode(String name, String lockClientId) {
}
