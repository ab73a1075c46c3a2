-- What each public document (feed, archive page, OPML, feed page, article page) looked like last and since when:
-- its Last-Modified is the time its bytes last changed, the same after a restart and on every node.
create table document_state (
    doc_key     varchar(300) primary key,
    etag        varchar(64)  not null,
    changed_at  timestamp with time zone not null
);
