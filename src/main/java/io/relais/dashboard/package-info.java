/**
 * The dashboard editors and operators land on ({@code /review}): translations per language and state, progress of
 * the backlog (live while a run goes on), recent runs per language and the average quality score per day against
 * the auto-approval thresholds the quality gate applies. Reads {@code translation}, {@code batch}, {@code quality}
 * and {@code system} through their APIs; owns nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package io.relais.dashboard;
