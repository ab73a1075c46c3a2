-- A feed's recent withdrawals (the tombstones of its subscription document) are read at every rendering: by feed,
-- withdrawal and time, without reading the feed's whole log.
create index feed_entry_withdrawals on feed_entry (feed, withdrawn, logged_at);
