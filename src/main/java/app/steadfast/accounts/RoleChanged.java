package app.steadfast.accounts;

import app.steadfast.shared.Role;

/**
 * An admin changed a staff account's role.
 *
 * @param account whose role changed
 * @param from the role before
 * @param to the role now
 */
public record RoleChanged(AccountId account, Role from, Role to) {
}
