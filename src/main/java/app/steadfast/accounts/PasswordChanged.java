package app.steadfast.accounts;

/**
 * A password was changed or reset; the account's other sessions have ended.
 *
 * @param account whose password changed
 */
public record PasswordChanged(AccountId account) {
}
