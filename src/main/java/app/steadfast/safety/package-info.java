/**
 * Safety: crisis resources, configurable per locale, linked from every page and on a page
 * of their own; and the risk-language detector, which checks what people write for
 * language about suicide, self-harm or harming someone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety", allowedDependencies = { "shared", "accounts" })
package app.steadfast.safety;
