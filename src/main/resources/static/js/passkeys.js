// Passkeys (WebAuthn) for the sign-in, confirm and security pages. Without JavaScript or
// without passkey support the buttons stay hidden and the password works as always.
(function () {
	'use strict';

	function toBase64Url(buffer) {
		var bytes = new Uint8Array(buffer);
		var text = '';
		for (var i = 0; i < bytes.length; i++) {
			text += String.fromCharCode(bytes[i]);
		}
		return btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
	}

	function fromBase64Url(text) {
		var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
		var binary = atob(base64);
		var bytes = new Uint8Array(binary.length);
		for (var i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes.buffer;
	}

	function post(button, url, body) {
		var headers = { 'Content-Type': 'application/json' };
		headers[button.dataset.csrfHeader] = button.dataset.csrf;
		return fetch(url, {
			method: 'POST',
			headers: headers,
			credentials: 'same-origin',
			body: body ? JSON.stringify(body) : undefined
		}).then(function (response) {
			if (!response.ok) {
				throw new Error('HTTP ' + response.status);
			}
			return response.json();
		});
	}

	function showError(message) {
		var error = document.getElementById('passkey-error');
		if (error) {
			if (message) {
				error.textContent = message;
			}
			error.hidden = false;
			error.focus && error.setAttribute('tabindex', '-1');
		}
	}

	function signIn(button) {
		post(button, '/webauthn/authenticate/options').then(function (options) {
			options.challenge = fromBase64Url(options.challenge);
			options.allowCredentials = (options.allowCredentials || []).map(function (credential) {
				return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
			});
			return navigator.credentials.get({ publicKey: options });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, '/login/webauthn', {
				id: credential.id,
				rawId: toBase64Url(credential.rawId),
				response: {
					authenticatorData: toBase64Url(response.authenticatorData),
					clientDataJSON: toBase64Url(response.clientDataJSON),
					signature: toBase64Url(response.signature),
					userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
				},
				credType: credential.type,
				clientExtensionResults: credential.getClientExtensionResults(),
				authenticatorAttachment: credential.authenticatorAttachment
			});
		}).then(function (result) {
			if (!result || !result.authenticated) {
				throw new Error('not signed in');
			}
			window.location.href = button.dataset.next || result.redirectUrl || '/';
		}).catch(function () {
			showError();
		});
	}

	function register(button) {
		var labelInput = document.getElementById('passkey-label');
		var label = labelInput.value.trim();
		if (!label) {
			showError('Give the passkey a name first, so you can tell it apart later.');
			labelInput.focus();
			return;
		}
		post(button, '/webauthn/register/options').then(function (options) {
			options.challenge = fromBase64Url(options.challenge);
			options.user = Object.assign({}, options.user, { id: fromBase64Url(options.user.id) });
			options.excludeCredentials = (options.excludeCredentials || []).map(function (credential) {
				return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
			});
			return navigator.credentials.create({ publicKey: options });
		}).then(function (credential) {
			var response = credential.response;
			return post(button, '/webauthn/register', {
				publicKey: {
					label: label,
					credential: {
						id: credential.id,
						rawId: toBase64Url(credential.rawId),
						response: {
							attestationObject: toBase64Url(response.attestationObject),
							clientDataJSON: toBase64Url(response.clientDataJSON),
							transports: response.getTransports ? response.getTransports() : []
						},
						type: credential.type,
						clientExtensionResults: credential.getClientExtensionResults(),
						authenticatorAttachment: credential.authenticatorAttachment
					}
				}
			});
		}).then(function (result) {
			if (!result || !result.success) {
				throw new Error('not saved');
			}
			window.location.href = '/accounts/security';
		}).catch(function (error) {
			showError(String(error.message).indexOf('403') >= 0
				? 'It has been a while since you signed in. Reload this page and confirm it is you, then add the passkey.'
				: 'The passkey was not added. Try again, or use a different device.');
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!window.PublicKeyCredential || !navigator.credentials) {
			return;
		}
		document.querySelectorAll('[data-passkey="sign-in"]').forEach(function (button) {
			button.hidden = false;
			button.addEventListener('click', function () { signIn(button); });
		});
		var add = document.getElementById('passkey-add');
		if (add) {
			add.hidden = false;
		}
		document.querySelectorAll('[data-passkey="register"]').forEach(function (button) {
			button.addEventListener('click', function () { register(button); });
		});
	});
}());
