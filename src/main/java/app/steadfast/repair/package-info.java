/**
 * Owns his accountability statement with every version and his partner's questions with
 * his answers, and decides what the excuse check marks and that a shared version or a
 * given answer never changes. The statement is written in parts and shared explicitly;
 * the questions are answered on record. Private to their owner; anyone else reads only
 * through the sharing module, and words travel between a couple only while their link
 * carries words.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Repair",
		allowedDependencies = { "shared", "audit", "accounts", "sharing", "safety" })
@org.jspecify.annotations.NullMarked
package app.steadfast.repair;
