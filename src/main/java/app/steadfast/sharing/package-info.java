/**
 * Owns the grants between people, and makes the one decision every module asks before a
 * record reaches anyone but its owner (the partner's safety pause included), writing each
 * read it allows to the audit log. It answers "may this person see that person's records
 * of this category?"; grants are plain records, written by the screens that give them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing",
		allowedDependencies = { "shared", "audit", "accounts" })
@org.jspecify.annotations.NullMarked
package app.steadfast.sharing;
