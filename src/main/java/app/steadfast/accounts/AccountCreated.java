package app.steadfast.accounts;

import app.steadfast.shared.Role;

/**
 * An account was created: by sign-up, by an admin, by setup or as demo data.
 *
 * @param account the new account
 * @param role its role
 */
public record AccountCreated(AccountId account, Role role) {
}
