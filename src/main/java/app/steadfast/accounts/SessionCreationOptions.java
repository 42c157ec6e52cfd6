package app.steadfast.accounts;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey being added in the session, which lives in the database
 * so the next request may reach another node. Spring Security's own session store keeps
 * the options object itself, which cannot be serialized (7.0), so this one keeps the
 * fields the registration check reads, as plain values, and builds the options again.
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	static final String ATTRIBUTE = SessionCreationOptions.class.getName();

	private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
			PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
			PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512);

	record Kept(String rpId, String rpName, String userName, String userId, @Nullable String userDisplayName,
			String challenge, List<Long> algorithms, String userVerification, String residentKey,
			long timeoutMillis) implements Serializable {
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		Kept kept = new Kept(options.getRp().getId(), options.getRp().getName(), options.getUser().getName(),
				options.getUser().getId().toBase64UrlString(), options.getUser().getDisplayName(),
				options.getChallenge().toBase64UrlString(),
				options.getPubKeyCredParams().stream().map((p) -> p.getAlg().getValue()).toList(),
				(selection != null && selection.getUserVerification() != null)
						? selection.getUserVerification().getValue() : UserVerificationRequirement.PREFERRED.getValue(),
				(selection != null && selection.getResidentKey() != null) ? selection.getResidentKey().getValue()
						: ResidentKeyRequirement.REQUIRED.getValue(),
				(options.getTimeout() != null) ? options.getTimeout().toMillis() : Duration.ofMinutes(5).toMillis());
		request.getSession().setAttribute(ATTRIBUTE, kept);
	}

	@Override
	public @Nullable PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Kept kept)) {
			return null;
		}
		return PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(kept.rpId()).name(kept.rpName()).build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.name(kept.userName())
				.id(Bytes.fromBase64(kept.userId()))
				.displayName(kept.userDisplayName())
				.build())
			.challenge(Bytes.fromBase64(kept.challenge()))
			.pubKeyCredParams(ALGORITHMS.stream()
				.filter((p) -> kept.algorithms().contains(p.getAlg().getValue()))
				.toArray(PublicKeyCredentialParameters[]::new))
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
				.userVerification(Stream
					.of(UserVerificationRequirement.REQUIRED, UserVerificationRequirement.PREFERRED,
							UserVerificationRequirement.DISCOURAGED)
					.filter((u) -> u.getValue().equals(kept.userVerification()))
					.findFirst()
					.orElse(UserVerificationRequirement.PREFERRED))
				.residentKey(Stream
					.of(ResidentKeyRequirement.REQUIRED, ResidentKeyRequirement.PREFERRED,
							ResidentKeyRequirement.DISCOURAGED)
					.filter((r) -> r.getValue().equals(kept.residentKey()))
					.findFirst()
					.orElse(ResidentKeyRequirement.REQUIRED))
				.build())
			.attestation(AttestationConveyancePreference.NONE)
			.extensions(new ImmutableAuthenticationExtensionsClientInputs(
					ImmutableAuthenticationExtensionsClientInput.credProps))
			.timeout(Duration.ofMillis(kept.timeoutMillis()))
			.excludeCredentials(List.of())
			.build();
	}

}
