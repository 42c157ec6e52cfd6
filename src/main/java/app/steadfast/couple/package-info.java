/**
 * Owns the link between a client and his partner (the invitation, her private intake with
 * its safety screen, her requests, his transparency offer and their weekly trust pulse),
 * and sets the partner shares and the safety pause that the sharing module enforces. The
 * sharing each person controls is written as grants through the sharing module. Knows no
 * capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Couple",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
@org.jspecify.annotations.NullMarked
package app.steadfast.couple;
