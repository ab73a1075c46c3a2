-- The demo feed is read from the service's own resources (classpath:demo/feed.xml) rather than as a file of the
-- machine: file: URLs are refused by default (relais.ingest.allow-file-urls=false). The source seeded before keeps
-- its articles, translations and id.
update source set url = 'classpath:demo/feed.xml'
where url = 'file:demo/feed.xml'
  and not exists (select 1 from source s where s.url = 'classpath:demo/feed.xml');
