// The pause tool, in the page only: it makes no requests, so it keeps working offline once loaded.
// Without this file the page still works: CSS paces the circle and the forms do the rest.
(function () {
	'use strict';
	var PATTERNS = {
		BOX: [['Breathe in', 4], ['Hold', 4], ['Breathe out', 4], ['Hold', 4]],
		FOUR_SIX: [['Breathe in', 4], ['Breathe out', 6]]
	};
	var timer = null;

	function pace(section, name) {
		var steps = PATTERNS[name] || PATTERNS.BOX;
		var phase = section.querySelector('.pace-phase');
		var count = section.querySelector('.pace-count');
		var circle = section.querySelector('.pace-circle');
		section.setAttribute('data-pattern', name);
		section.classList.toggle('pace-box', name === 'BOX');
		section.classList.toggle('pace-four-six', name !== 'BOX');
		// Restart the animation so the circle and the words start together.
		if (circle) {
			circle.classList.remove('pace-circle');
			void circle.offsetWidth;
			circle.classList.add('pace-circle');
		}
		var step = 0;
		var second = 1;
		function show() {
			var label = steps[step][0];
			if (phase) {
				phase.textContent = label;
			}
			if (count) {
				count.textContent = label + ' \u00b7 ' + second;
			}
		}
		if (timer) {
			clearInterval(timer);
		}
		show();
		timer = setInterval(function () {
			second++;
			if (second > steps[step][1]) {
				second = 1;
				step = (step + 1) % steps.length;
			}
			show();
		}, 1000);
	}

	function two(n) {
		return (n < 10 ? '0' : '') + n;
	}

	function updateBreak(form) {
		var minutes = form.querySelector('[name="minutes"]');
		var at = form.querySelector('[name="at"]');
		var length = document.getElementById('break-length');
		var until = document.getElementById('break-until');
		var now = new Date();
		if (at && /^\d{2}:\d{2}$/.test(at.value)) {
			var parts = at.value.split(':');
			var back = new Date(now.getTime());
			back.setHours(parseInt(parts[0], 10), parseInt(parts[1], 10), 0, 0);
			if (back <= now) {
				back.setDate(back.getDate() + 1);
			}
			var gap = Math.round((back - now) / 60000);
			length.textContent = gap + ' minutes';
			until.textContent = at.value;
		}
		else if (minutes) {
			var m = parseInt(minutes.value, 10);
			var later = new Date(now.getTime() + m * 60000);
			length.textContent = m + ' minutes';
			until.textContent = two(later.getHours()) + ':' + two(later.getMinutes());
		}
	}

	document.addEventListener('DOMContentLoaded', function () {
		var section = document.querySelector('.pace');
		if (!section) {
			return;
		}
		section.classList.add('pace-live');
		var remember = section.querySelector('.pace-remember [name="pattern"]');
		var heading = section.querySelector('#pace-heading');
		pace(section, section.getAttribute('data-pattern'));
		var choice = section.querySelector('.pace-choice');
		if (choice) {
			// The switch happens here, with no request; the button stays for use without JavaScript.
			choice.querySelector('.pace-switch').hidden = true;
			choice.addEventListener('change', function (event) {
				if (event.target.name === 'pattern') {
					pace(section, event.target.value);
					if (remember) {
						remember.value = event.target.value;
					}
					if (heading) {
						heading.textContent = event.target.parentNode.textContent.trim();
					}
				}
			});
		}
		var breakForm = document.querySelector('.break-form');
		if (breakForm) {
			var pattern = breakForm.querySelector('[name="pattern"]');
			breakForm.addEventListener('change', function () {
				updateBreak(breakForm);
			});
			breakForm.addEventListener('input', function () {
				updateBreak(breakForm);
			});
			breakForm.addEventListener('submit', function (event) {
				event.preventDefault();
				updateBreak(breakForm);
				if (pattern) {
					pattern.value = section.getAttribute('data-pattern');
				}
			});
			updateBreak(breakForm);
		}
	});
})();
