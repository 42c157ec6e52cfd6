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
	// A form that failed validation moves focus to its summary, so the problems are announced.
	document.addEventListener('DOMContentLoaded', function () {
		var summary = document.querySelector('.error-summary[tabindex="-1"]');
		if (summary) {
			summary.focus();
		}
	});
})();
