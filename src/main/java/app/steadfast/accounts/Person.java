package app.steadfast.accounts;

import app.steadfast.shared.AccountId;
import app.steadfast.shared.Role;

/**
 * What other modules may know of an account: never its password.
 *
 * @param id the account
 * @param email its sign-in address
 * @param displayName the name the person chose
 * @param role its role
 */
public record Person(AccountId id, String email, String displayName, Role role) {
}
