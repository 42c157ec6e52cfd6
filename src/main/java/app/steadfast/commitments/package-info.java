/**
 * Owns his small, checkable promises and the record of each due day (kept or missed, with
 * his partner's confirmation), and decides their weekly reliability and when he is
 * reminded. Private to their owner; anyone else sees them only through a grant in the
 * sharing module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commitments",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
@org.jspecify.annotations.NullMarked
package app.steadfast.commitments;
