/**
 * Consistency: small, specific, checkable commitments, what happened on each due date,
 * and how reliably they were kept week by week. Private to their owner; anyone else sees
 * them only through a grant in the sharing module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commitments",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
package app.steadfast.commitments;
