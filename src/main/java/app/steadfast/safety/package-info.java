/**
 * Owns the crisis lines and the risk-language detector, and decides when what someone
 * wrote brings up the crisis resources and the direct question that follows. The crisis
 * resources are configurable per locale, linked from every page and on a page of their
 * own; the detector checks what people write for language about suicide, self-harm or
 * harming someone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety", allowedDependencies = { "shared", "accounts" })
@org.jspecify.annotations.NullMarked
package app.steadfast.safety;
