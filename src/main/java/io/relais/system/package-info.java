/**
 * What every feature relies on: users (editors per language, administrators; BCrypt hashes; the first administrator
 * from configuration), Spring Security (who may call what, form login for browsers, HTTP Basic for scripts, login
 * throttling, what a request without a session gets), the sign-in and error pages and the shell of every signed-in
 * page (templates/system/), and the web UI's language. Other modules ask {@link io.relais.system.Users} who is
 * signed in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package io.relais.system;
