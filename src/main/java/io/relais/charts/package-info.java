/**
 * Plain SVG charts drawn on the server (no script, readable by screen readers through their title and a table-like
 * description), for the dashboard and the operator console. Depends on nothing else in Relais.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Charts")
package io.relais.charts;
