/**
 * Small HTTP helpers shared by the modules that call other servers (ingest fetching feeds and pages, the remote
 * translation engines), the JSON APIs' error answers, and the headers of the error answers Tomcat writes itself.
 * Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "HTTP helpers")
package io.relais.http;
