/**
 * Safety: crisis resources, configurable per locale, linked from every page and on a page
 * of their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety", allowedDependencies = { "shared", "accounts" })
package app.steadfast.safety;
