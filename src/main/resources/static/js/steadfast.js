// Progressive enhancement only: every page works without this file.
(function () {
	'use strict';
	// htmx requests carry the CSRF token as a header, read from the layout's meta tags.
	document.addEventListener('htmx:configRequest', function (event) {
		var token = document.querySelector('meta[name="csrf-token"]');
		var header = document.querySelector('meta[name="csrf-header"]');
		if (token && header) {
			event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
		}
	});
	// Quick exit: leave for a neutral page and replace this one in the history, so Back does not return here.
	document.addEventListener('click', function (event) {
		var exit = event.target.closest ? event.target.closest('[data-quick-exit]') : null;
		if (exit) {
			event.preventDefault();
			window.location.replace(exit.getAttribute('href'));
		}
	});
	// A form that failed validation moves focus to its summary, so the problems are announced.
	document.addEventListener('DOMContentLoaded', function () {
		var summary = document.querySelector('.error-summary[tabindex="-1"]');
		if (summary) {
			summary.focus();
		}
	});
})();
