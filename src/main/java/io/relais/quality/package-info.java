/** Language quality of translations: LanguageTool checks and the verdict policy. */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package io.relais.quality;
