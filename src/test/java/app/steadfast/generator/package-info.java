/**
 * A realistic practice for measuring speed: therapists, clients, partners and years of
 * their work, written into the database (free text sealed like each module seals it) from
 * a seed. A tool beside the product, not part of it: it lives in the test tree, so the
 * application's jar holds none of it and Spring Modulith, which reads the production
 * classes only, does not count it among the application's modules. Tests call
 * {@link app.steadfast.generator.PracticeGenerator} directly;
 * {@link app.steadfast.generator.GeneratePractice} ({@code scripts/bench/generate.sh})
 * runs it against a database.
 */
package app.steadfast.generator;
