-- Cluster mode: who is translating what right now, timed on the database's clock like cluster_lease (a node's
-- clock 30 s ahead must not see every other node's claim as expired). claim_key: article, revision and language;
-- holder_id: the node's process; expires_at: on this server's clock, pushed forward while the holder works.
create table translation_claim (
    claim_key  varchar(200) primary key,
    holder_id  char(36)     not null,
    expires_at timestamptz  not null
);

-- the claims lived in Spring Integration's lock table (its lock repository times them on each node's clock); the
-- poller and the run gate left it earlier, so nothing uses it any more
drop table int_lock;
