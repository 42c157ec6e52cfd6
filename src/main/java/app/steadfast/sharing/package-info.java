/**
 * The one answer to "may this person see that person's records of this category?": grants
 * as plain records, and the decision every capability asks before showing a record to
 * anyone but its owner. Every allowed read by someone else is written to the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing",
		allowedDependencies = { "shared", "audit", "accounts" })
package app.steadfast.sharing;
