package app.steadfast.consultations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Creating his client account through an invitation: the email is the one the invitation
 * went to, so only the name and password are his to choose.
 *
 * @param token the invitation's token
 * @param displayName what he would like to be called
 * @param password the password he chose (the accounts module checks it)
 */
record InvitationForm(String token,
		@NotBlank(message = "{name.required}") @Size(max = 80, message = "{text.size}") String displayName,
		String password) {

	InvitationForm {
		displayName = ConsultationForm.line(displayName);
	}

}
