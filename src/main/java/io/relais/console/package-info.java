/**
 * The operator console: server-rendered pages under {@code /console} (administrators) for sources, runs, dead
 * letters, glossary and users, each action recorded in an audit log. It holds no data of its own besides that log
 * and works only through the other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operator console")
package io.relais.console;
