/**
 * Honesty and transparency: the accountability statement he writes in parts, with an
 * excuse check, versions and explicit sharing; and his partner's questions, answered on
 * record. Private to their owner; anyone else reads only through the sharing module, and
 * words travel between a couple only while their link carries words.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Repair",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
package app.steadfast.repair;
