/**
 * People, roles and signing in: sign-up, sign-in throttling, password changes and resets,
 * the first admin and staff accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = { "shared", "audit" })
package app.steadfast.accounts;
