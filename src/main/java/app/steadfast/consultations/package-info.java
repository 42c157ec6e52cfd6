/**
 * Owns the free-consultation requests, from the public form through the staff's triage to
 * the invitation that makes a client account, and which therapist each client works with.
 * Triage covers contact, scheduling with calendar invitations and closing; the invitation
 * links the new client to his therapist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultations",
		allowedDependencies = { "shared", "audit", "accounts" })
@org.jspecify.annotations.NullMarked
package app.steadfast.consultations;
