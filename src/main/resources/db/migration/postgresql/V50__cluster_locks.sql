-- Cluster mode: Spring Integration's JdbcLockRegistry (poller election, one localize run at a time).
-- Same table as spring-integration-jdbc's schema-postgresql.sql.
create table int_lock (
    lock_key      char(36)     not null,
    region        varchar(100) not null,
    client_id     char(36),
    created_date  timestamp    not null,
    expired_after timestamp    not null,
    constraint int_lock_pk primary key (lock_key, region)
);
