/**
 * Owns each person's emotion check-ins and reflection journal, and decides that only he
 * writes them and that anyone else reads them only as the sharing module allows. That
 * covers the quick "name it before you answer" flow, their history and summaries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-ins",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
@org.jspecify.annotations.NullMarked
package app.steadfast.checkins;
