/**
 * Republishing: per target language one RSS 2.0, one Atom 1.0 and one JSON Feed 1.1 document, public and per partner,
 * each feed publishing under its publication policy ({@code reviewed} or {@code machine}) from an append-only log
 * that its immutable RFC 5005 archive pages are cut from; the public article pages; HTTP caching; WebSub pings; and
 * the static copies under {@code feeds/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing")
package io.relais.publish;
