// Progressive enhancement only: every page works without this file.
(function () {
	'use strict';
	// On a phone the signed-in menu starts folded behind "Menu" (without script it stays open).
	var menu = document.querySelector('details.nav-menu');
	if (menu && window.matchMedia && window.matchMedia('(max-width: 40rem)').matches) {
		menu.removeAttribute('open');
	}
	// The service worker lets a phone install the app and open the pause tool, "name it" and a
	// page explaining what works offline without a network (/sw.js). Browsers without one, or
	// pages not served over HTTPS, simply go on without it.
	if ('serviceWorker' in navigator && window.isSecureContext) {
		window.addEventListener('load', function () {
			navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () {
				// No worker: every page still works online.
			});
		});
	}
	// htmx requests carry the CSRF token as a header, read from the layout's meta tags.
	document.addEventListener('htmx:configRequest', function (event) {
		var token = document.querySelector('meta[name="csrf-token"]');
		var header = document.querySelector('meta[name="csrf-header"]');
		if (token && header) {
			event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
		}
	});
	// Quick exit (every page a partner sees): sign out in the background and leave for a neutral
	// page, replacing this one in the history so Back does not return here. Without script, or
	// if the background sign-out cannot be sent, the form posts itself: the server signs out and
	// moves on to the same neutral page.
	function quickExit(form) {
		// Nothing of hers stays on this device for someone else to find: a check-in she kept
		// offline goes with her (she chose to leave at once), and so does the mark of who
		// was signed in.
		try {
			window.localStorage.removeItem('steadfast-person');
			window.localStorage.removeItem('steadfast-partner');
			if (window.indexedDB) {
				window.indexedDB.deleteDatabase('steadfast');
			}
		} catch (ignored) {
			// Storage off: there is nothing kept to remove.
		}
		var sent = false;
		try {
			sent = !!navigator.sendBeacon && navigator.sendBeacon(form.action, new URLSearchParams(new FormData(form)));
		} catch (ignored) {
			sent = false;
		}
		if (sent) {
			window.location.replace(form.getAttribute('data-quick-exit') || form.action);
		} else {
			form.submit();
		}
	}
	document.addEventListener('submit', function (event) {
		if (event.target.matches && event.target.matches('form[data-quick-exit]')) {
			event.preventDefault();
			quickExit(event.target);
		}
	});
	document.addEventListener('keydown', function (event) {
		if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) {
			return;
		}
		var form = document.querySelector('form[data-quick-exit]');
		// A page kept for offline use carries a hidden exit; hidden, Esc is just Esc.
		if (form && !form.closest('[hidden]')) {
			event.preventDefault();
			quickExit(form);
		}
	});
	// A link back to the page a person came from uses the history where there is one, so the
	// browser can give back what was typed in its form.
	document.addEventListener('click', function (event) {
		var back = event.target.closest ? event.target.closest('[data-history-back]') : null;
		if (back && window.history.length > 1) {
			event.preventDefault();
			window.history.back();
		}
	});
	// The pages kept for offline use are the same for everyone: they show the quick exit when
	// the last person signed in on this device was a partner (the layout gives her pages one).
	function partnerExit() {
		var person = document.querySelector('meta[name="steadfast-person"]');
		try {
			if (person && person.getAttribute('content')) {
				if (document.querySelector('form[data-quick-exit]')) {
					window.localStorage.setItem('steadfast-partner', '1');
				} else {
					window.localStorage.removeItem('steadfast-partner');
				}
			}
			if (window.localStorage.getItem('steadfast-partner') === '1') {
				document.querySelectorAll('[data-partner-exit]').forEach(function (exit) {
					exit.hidden = false;
				});
			}
		} catch (ignored) {
			// Storage off: the offline pages stay as they are.
		}
	}
	document.addEventListener('DOMContentLoaded', function () {
		partnerExit();
		// A sign-up sends the time zone the browser is in (without script the practice's is
		// used, and it can be changed at /accounts/settings).
		var zone = document.querySelector('input[data-browser-zone]');
		if (zone && !zone.value) {
			try {
				zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
			} catch (ignored) {
				zone.value = '';
			}
		}
		// A form that failed validation moves focus to its summary, so the problems are announced.
		var summary = document.querySelector('.error-summary[tabindex="-1"]');
		if (summary) {
			summary.focus();
		}
	});
})();
