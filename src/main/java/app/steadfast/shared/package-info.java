/**
 * Owns no one's records, only what every module builds on: the layout and home page, the
 * security composition (whatever no module's rule allows is denied), encryption at rest,
 * outgoing mail, the practice settings, the clock, the cluster-safe scheduler and the
 * sentence model behind the language checks. No business logic lives here. Errors, the
 * quick exit, single-use links and the contracts modules implement (URL rules, sensitive
 * actions, home-page steps, personal data) live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
@org.jspecify.annotations.NullMarked
package app.steadfast.shared;
