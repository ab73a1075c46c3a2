-- Cluster mode: leases timed on the database's clock (never a node's), each holder's term numbered.
-- name: what the lease is for (relais-poller); holder: the node's name; holder_id: its process (a restarted node
-- is a new holder); term: incremented at every change of holder, so that a node can tell its lease from a later
-- one; expires_at: on this server's clock.
create table cluster_lease (
    name       varchar(100) primary key,
    holder     varchar(200) not null,
    holder_id  char(36)     not null,
    term       bigint       not null,
    expires_at timestamptz  not null
);
