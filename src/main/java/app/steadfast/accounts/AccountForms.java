package app.steadfast.accounts;

import app.steadfast.shared.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The forms of the accounts pages; the words of their annotations are in
 * {@code messages.properties}. Passwords are checked by {@link PasswordPolicy}, so the
 * messages stay in one place.
 */
final class AccountForms {

	private AccountForms() {
	}

	record SignUpForm(
			@NotBlank(message = "{account.email.required}") @Email(message = "{email.invalid}") @Size(max = 254,
					message = "{email.size}") String email,
			@NotBlank(message = "{name.required}") @Size(max = 80, message = "{text.size}") String displayName,
			String password, String zone, @NotNull(message = "{signup.path.required}") SignUpPath path) {

		static SignUpForm empty() {
			return new SignUpForm("", "", "", "", null);
		}

	}

	record SetupForm(
			@NotBlank(message = "{account.email.required}") @Email(message = "{email.invalid}") @Size(max = 254,
					message = "{email.size}") String email,
			@NotBlank(message = "{account.name.required}") @Size(max = 80, message = "{text.size}") String displayName,
			String password) {

		static SetupForm empty() {
			return new SetupForm("", "", "");
		}

	}

	record ForgotForm(@NotBlank(message = "{account.signInEmail.required}") @Size(max = 254,
			message = "{email.size}") String email) {
	}

	record ResetForm(String token, String password) {
	}

	record ChangePasswordForm(@NotBlank(message = "{account.currentPassword.required}") String currentPassword,
			String newPassword) {

		static ChangePasswordForm empty() {
			return new ChangePasswordForm("", "");
		}

	}

	record StaffForm(
			@NotBlank(message = "{staff.email.required}") @Email(message = "{email.invalid}") @Size(max = 254,
					message = "{email.size}") String email,
			@NotBlank(message = "{staff.name.required}") @Size(max = 80, message = "{text.size}") String displayName,
			@NotNull(message = "{staff.role.required}") Role role) {

		static StaffForm empty() {
			return new StaffForm("", "", Role.THERAPIST);
		}

	}

	record RoleForm(@NotNull(message = "{staff.role.required}") Role role) {
	}

}
