/**
 * Emotional work: emotion check-ins (and the quick "name it before you answer" flow),
 * their history and summaries. Private to their owner; anyone else sees them only through
 * a grant in the sharing module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-ins",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
package app.steadfast.checkins;
