/**
 * Owns each person's account, role, time zone and ways of proving who he is (password,
 * passkeys, authenticator app, sessions), and decides every sign-up, sign-in, password
 * reset, staff account and account deletion. Sign-in is throttled; the first admin is
 * made here, and the admin's view of the mail outbox lives here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = { "shared", "audit" })
@org.jspecify.annotations.NullMarked
package app.steadfast.accounts;
