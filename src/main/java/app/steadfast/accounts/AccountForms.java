package app.steadfast.accounts;

import app.steadfast.shared.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The forms of the accounts pages. Passwords are checked by {@link PasswordPolicy}, so
 * the messages stay in one place.
 */
final class AccountForms {

	private AccountForms() {
	}

	record SignUpForm(
			@NotBlank(message = "Enter your email address.") @Email(
					message = "That doesn’t look like an email address.") @Size(max = 254,
							message = "Use an address of at most 254 characters.") String email,
			@NotBlank(message = "Tell us what to call you.") @Size(max = 80,
					message = "Use at most 80 characters.") String displayName,
			String password, String zone) {

		static SignUpForm empty() {
			return new SignUpForm("", "", "", "");
		}

	}

	record SetupForm(
			@NotBlank(message = "Enter your email address.") @Email(
					message = "That doesn’t look like an email address.") @Size(max = 254,
							message = "Use an address of at most 254 characters.") String email,
			@NotBlank(message = "Enter your name.") @Size(max = 80,
					message = "Use at most 80 characters.") String displayName,
			String password) {

		static SetupForm empty() {
			return new SetupForm("", "", "");
		}

	}

	record ForgotForm(@NotBlank(message = "Enter the email address you sign in with.") @Size(max = 254,
			message = "Use an address of at most 254 characters.") String email) {
	}

	record ResetForm(String token, String password) {
	}

	record ChangePasswordForm(@NotBlank(message = "Enter your current password.") String currentPassword,
			String newPassword) {

		static ChangePasswordForm empty() {
			return new ChangePasswordForm("", "");
		}

	}

	record StaffForm(
			@NotBlank(message = "Enter their email address.") @Email(
					message = "That doesn’t look like an email address.") @Size(max = 254,
							message = "Use an address of at most 254 characters.") String email,
			@NotBlank(message = "Enter their name.") @Size(max = 80,
					message = "Use at most 80 characters.") String displayName,
			@NotNull(message = "Choose a role.") Role role) {

		static StaffForm empty() {
			return new StaffForm("", "", Role.THERAPIST);
		}

	}

	record RoleForm(@NotNull(message = "Choose a role.") Role role) {
	}

}
