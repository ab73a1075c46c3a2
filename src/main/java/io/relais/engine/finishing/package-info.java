/**
 * The target-language finishing applied to what an engine returns ({@link io.relais.engine.finishing.TargetFinishing}):
 * typography of each target, numbers written the target's way, and LanguageTool's safe corrections. A named
 * interface of the engine module: the quality module checks numbers and shares its LanguageTool instances with the
 * corrections.
 */
@org.springframework.modulith.NamedInterface("finishing")
package io.relais.engine.finishing;
