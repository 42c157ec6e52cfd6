/**
 * A realistic practice for measuring speed: therapists, clients, partners and years of
 * their work, written straight into the tables (sealed like each module seals it) from a
 * seed. Runs only when asked (the {@code generate} profile, or a test).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice data generator",
		allowedDependencies = { "shared" })
package app.steadfast.generator;
