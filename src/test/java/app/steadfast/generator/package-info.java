/**
 * A realistic practice for measuring speed: therapists, clients, partners and years of
 * their work, written into the database (free text sealed like each module seals it) from
 * a seed. A tool beside the product, not part of it: it lives in the test tree, so the
 * application's jar holds none of it and Spring Modulith, which reads the production
 * classes only, does not count it among the application's modules. Tests call
 * {@link app.steadfast.generator.PracticeGenerator} directly;
 * {@link app.steadfast.generator.GeneratePractice} ({@code scripts/bench/generate.sh})
 * runs it against a database.
 * <p>
 * The articles go through the library's API; the other 23 tables, from {@code account} to
 * {@code statement_part}, are written as multi-row INSERTs. The README ("A generated
 * practice") lists them and says why: millions of rows that the APIs would take hours to
 * write, a history in the past where the APIs date everything now (and some refuse the
 * past), writes no API fits, and side effects (password hashing, audit entries in their
 * own transactions, events, risk checks, mail) that do not belong in measuring data.
 */
package app.steadfast.generator;
