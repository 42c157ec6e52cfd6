// Check-ins made without a connection: kept in this browser (IndexedDB) and sent once when the
// connection is back and the person who made them is signed in. Each form carries an id made
// here (a UUID); the server saves a check-in once per id, so sending again after a lost answer
// never makes a second one. Without this file, or without IndexedDB, forms post as always.
(function () {
	'use strict';
	if (!window.indexedDB || !window.fetch || !window.Promise) {
		return;
	}
	var DB = 'steadfast';
	var STORE = 'kept-checkins';
	var PERSON = 'steadfast-person';
	var SEND = '/checkins/kept';

	function uuid() {
		if (window.crypto && crypto.randomUUID) {
			return crypto.randomUUID();
		}
		var b = crypto.getRandomValues(new Uint8Array(16));
		b[6] = (b[6] & 0x0f) | 0x40;
		b[8] = (b[8] & 0x3f) | 0x80;
		var h = Array.prototype.map.call(b, function (x) {
			return (x + 256).toString(16).slice(1);
		}).join('');
		return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
	}

	function database() {
		return new Promise(function (resolve, reject) {
			var request = indexedDB.open(DB, 1);
			request.onupgradeneeded = function () {
				request.result.createObjectStore(STORE, { keyPath: 'submission' });
			};
			request.onsuccess = function () {
				resolve(request.result);
			};
			request.onerror = function () {
				reject(request.error);
			};
		});
	}

	function store(mode, work) {
		return database().then(function (db) {
			return new Promise(function (resolve, reject) {
				var transaction = db.transaction(STORE, mode);
				var result = work(transaction.objectStore(STORE));
				transaction.oncomplete = function () {
					db.close();
					resolve(result && 'result' in result ? result.result : undefined);
				};
				transaction.onerror = function () {
					db.close();
					reject(transaction.error);
				};
			});
		});
	}

	function kept() {
		return store('readonly', function (s) {
			return s.getAll();
		}).then(function (items) {
			return (items || []).sort(function (a, b) {
				return a.madeAt - b.madeAt;
			});
		});
	}

	function keep(item) {
		return store('readwrite', function (s) {
			s.put(item);
		});
	}

	function forget(submission) {
		return store('readwrite', function (s) {
			s.delete(submission);
		});
	}

	function meta(doc, name) {
		var element = doc.querySelector('meta[name="' + name + '"]');
		return element ? element.getAttribute('content') : null;
	}

	// Who is signed in, as the layout's mark: a signed-in page names him, a signed-out page
	// clears it, a page kept for offline use (no mark at all) leaves it as it was.
	function currentPerson() {
		var mark = meta(document, PERSON);
		try {
			if (mark) {
				localStorage.setItem(PERSON, mark);
			}
			else if (mark === '') {
				localStorage.removeItem(PERSON);
			}
			return mark || (mark === null ? localStorage.getItem(PERSON) : null);
		} catch (ignored) {
			return mark || null;
		}
	}

	// --- What he sees -------------------------------------------------------------------------

	var outcome = { saved: [], crisis: false };

	// The place for these notices: the page's own, or one made under its heading when there is
	// something to say.
	function region(needed) {
		var existing = document.querySelector('[data-kept-checkins]');
		if (existing || !needed) {
			return existing;
		}
		var main = document.querySelector('main');
		if (!main) {
			return null;
		}
		var made = document.createElement('div');
		made.setAttribute('data-kept-checkins', '');
		made.setAttribute('role', 'status');
		made.className = 'kept-checkins';
		var heading = main.querySelector('h1');
		if (heading && heading.parentNode === main) {
			heading.insertAdjacentElement('afterend', made);
		} else {
			main.insertBefore(made, main.firstChild);
		}
		return made;
	}

	function time(ms) {
		var d = new Date(ms);
		return (d.getHours() < 10 ? '0' : '') + d.getHours() + ':' + (d.getMinutes() < 10 ? '0' : '') + d.getMinutes();
	}

	function paragraph(box, text, className) {
		var p = document.createElement('p');
		p.textContent = text;
		if (className) {
			p.className = className;
		}
		box.appendChild(p);
		return p;
	}

	function render(items, signedOut) {
		var person = currentPerson();
		var box = document.createElement('div');
		// Signed out, nothing is said: whoever holds the device then may not be the one
		// who wrote it, and even "a check-in is waiting" tells them something. It is sent
		// after the next sign-in of the person who kept it.
		var mine = items.filter(function (item) {
			return !signedOut && item.person === person;
		});
		if (outcome.saved.length) {
			paragraph(box, outcome.saved.length === 1
				? 'Your check-in from ' + time(outcome.saved[0]) + ' is saved. It was kept on this device while you were offline.'
				: 'Your ' + outcome.saved.length + ' check-ins kept on this device while you were offline are saved.',
				'kept-saved');
			if (outcome.crisis) {
				var p = paragraph(box, 'Some of what you wrote sounds heavy. If you are in danger or thinking about ending your life, ');
				var link = document.createElement('a');
				link.href = '/crisis';
				link.textContent = 'get help now';
				p.appendChild(link);
				p.appendChild(document.createTextNode('.'));
			}
		}
		var waiting = mine.filter(function (item) {
			return !item.problem;
		});
		if (waiting.length) {
			var count = waiting.length === 1 ? 'One check-in is' : waiting.length + ' check-ins are';
			if (!navigator.onLine) {
				paragraph(box, count + ' kept on this device. It will be sent once, as soon as you are back online.', 'kept-waiting');
			} else {
				paragraph(box, count + ' kept on this device and waiting to be sent.', 'kept-waiting');
			}
		}
		mine.filter(function (item) {
			return item.problem;
		}).forEach(function (item) {
			var p = paragraph(box, 'A check-in from ' + time(item.madeAt) + ' kept on this device couldn\u2019t be saved: ' + item.problem + ' ', 'kept-problem');
			var button = document.createElement('button');
			button.type = 'button';
			button.className = 'link-button';
			button.textContent = 'Let this one go';
			button.addEventListener('click', function () {
				forget(item.submission).then(refresh);
			});
			p.appendChild(button);
		});
		var shown = region(!!box.firstChild);
		if (shown) {
			shown.textContent = '';
			while (box.firstChild) {
				shown.appendChild(box.firstChild);
			}
			shown.hidden = !shown.firstChild;
		}
	}

	function refresh() {
		return kept().then(function (items) {
			render(items, false);
		});
	}

	// --- Sending -------------------------------------------------------------------------------

	// A token and the person: this page's own when it has them (and they were not just
	// refused), otherwise the home page's, fetched now (a page kept for offline use has neither,
	// and a session that ended gives none).
	function credentials(fresh) {
		var token = meta(document, 'csrf-token');
		var header = meta(document, 'csrf-header');
		var person = meta(document, PERSON);
		if (!fresh && token && header && person) {
			return Promise.resolve({ token: token, header: header, person: person });
		}
		return fetch('/', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
			.then(function (response) {
				return response.text();
			})
			.then(function (html) {
				var doc = new DOMParser().parseFromString(html, 'text/html');
				var found = { token: meta(doc, 'csrf-token'), header: meta(doc, 'csrf-header'), person: meta(doc, PERSON) };
				try {
					if (found.person) {
						localStorage.setItem(PERSON, found.person);
					}
				} catch (ignored) {
					// Without storage he can still send from a signed-in page.
				}
				return found;
			});
	}

	function sendAll(items, found) {
		var mine = items.filter(function (item) {
			return item.person === found.person;
		});
		return mine.reduce(function (previous, item) {
			return previous.then(function () {
				return send(item, found);
			});
		}, Promise.resolve());
	}

	function send(item, found) {
		var body = new URLSearchParams();
		item.fields.forEach(function (field) {
			body.append(field[0], field[1]);
		});
		body.append('submission', item.submission);
		body.append('kind', item.kind);
		body.append('madeAt', String(item.madeAt));
		var headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
		headers[found.header] = found.token;
		return fetch(SEND, { method: 'POST', credentials: 'same-origin', redirect: 'manual', headers: headers, body: body })
			.then(function (response) {
				if (response.status === 201 || response.status === 200) {
					return response.json().then(function (answer) {
						outcome.saved.push(item.madeAt);
						outcome.crisis = outcome.crisis || !!answer.crisis;
						return forget(item.submission);
					});
				}
				if (response.status === 422) {
					return response.json().then(function (answer) {
						item.problem = answer.problem || 'Something in it needs changing.';
						return keep(item);
					});
				}
				// Signed out, or a token no longer valid: keep it for the next try.
				throw new Error('not sent');
			});
	}

	var sending = null;
	var retry = 0;

	function sendKept() {
		if (sending) {
			return sending;
		}
		sending = kept().then(function (items) {
			var ready = items.filter(function (item) {
				return !item.problem;
			});
			if (!ready.length || !navigator.onLine) {
				render(items, false);
				return;
			}
			return credentials(false).then(function (found) {
				if (!found.token || !found.person) {
					render(items, true);
					return;
				}
				return sendAll(ready, found).catch(function () {
					// Refused: the session may have ended since this page loaded. Ask again.
					return credentials(true).then(function (again) {
						if (!again.token || !again.person) {
							return kept().then(function (left) {
								render(left, true);
								return 'shown';
							});
						}
						return kept().then(function (left) {
							return sendAll(left.filter(function (item) {
								return !item.problem;
							}), again);
						});
					});
				}).then(function (shown) {
					retry = 0;
					return shown === 'shown' ? null : refresh();
				}, function () {
					// Not sent now (a connection that came back only halfway): kept, and tried
					// again soon, then less often, and on the next page.
					retry = Math.min(retry ? retry * 2 : 5000, 120000);
					setTimeout(sendOnce, retry);
					return refresh();
				});
			}, function () {
				render(items, false);
			});
		}).catch(function () {
			// IndexedDB refused (private mode): nothing kept, nothing to send.
		}).then(function () {
			sending = null;
		});
		return sending;
	}

	// Two tabs may both come back online: one sends at a time (the server would refuse a
	// second copy anyway).
	function sendOnce() {
		if (navigator.locks && navigator.locks.request) {
			return navigator.locks.request('steadfast-kept-checkins', sendKept);
		}
		return sendKept();
	}

	// --- Keeping -------------------------------------------------------------------------------

	function problemIn(form, kind) {
		var words = form.querySelectorAll(kind === 'quick'
			? 'input[name="word"]:checked, input[name="words"]:checked'
			: 'input[name="words"]');
		if (kind === 'quick' && !form.querySelector('input[name="body"]:checked')) {
			return 'Where do you feel it? Choose one, or \u201cNone I can tell\u201d.';
		}
		if (!words.length) {
			return 'Pick the word that comes closest. It doesn\u2019t have to be perfect.';
		}
		if (kind !== 'quick') {
			if (!form.querySelector('input[name="intensity"]:checked')) {
				return 'Choose how strong it is, from 1 to 10.';
			}
			if (!form.querySelector('input[name="body"]:checked')) {
				return 'Choose where you feel it, or \u201cNone I can tell\u201d.';
			}
		}
		return null;
	}

	function say(form, text, className) {
		var note = form.parentNode.querySelector('.kept-note');
		if (!note) {
			note = document.createElement('div');
			note.setAttribute('role', 'alert');
			note.setAttribute('tabindex', '-1');
			form.parentNode.insertBefore(note, form);
		}
		note.className = 'kept-note ' + className;
		note.textContent = text;
		note.focus();
	}

	// The first step of a check-in asks the server for the next one: offline, it says so, and
	// offers the quick flow that works without a connection. The words he ticked stay ticked.
	document.addEventListener('submit', function (event) {
		var form = event.target.closest ? event.target.closest('form[data-offline-words]') : null;
		if (!form || navigator.onLine) {
			return;
		}
		event.preventDefault();
		say(form, 'You\u2019re offline, and this step needs a connection. Press Next again when you\u2019re back online, or use ', 'notice');
		var note = form.parentNode.querySelector('.kept-note');
		var link = document.createElement('a');
		link.href = '/offline/name-it';
		link.textContent = 'Name it before you answer';
		note.appendChild(link);
		note.appendChild(document.createTextNode(', which works offline.'));
	});

	document.addEventListener('submit', function (event) {
		var form = event.target.closest ? event.target.closest('form[data-keep-offline]') : null;
		if (!form || (navigator.onLine && !form.hasAttribute('data-always-keep'))) {
			return;
		}
		event.preventDefault();
		var kind = form.getAttribute('data-keep-offline');
		var problem = problemIn(form, kind);
		if (problem) {
			say(form, problem, 'error-summary');
			return;
		}
		var person = currentPerson();
		if (!person) {
			say(form, 'This can only be kept for you if you\u2019ve signed in on this device. Take the breath anyway; when you\u2019re back online, sign in and check in.', 'error-summary');
			return;
		}
		var id = form.querySelector('[data-submission-id]');
		var fields = [];
		new FormData(form).forEach(function (value, name) {
			if (name === '_csrf' || name === 'step' || name === 'back' || name === 'submission') {
				return;
			}
			fields.push([kind === 'quick' && name === 'word' ? 'words' : name, String(value)]);
		});
		var item = { submission: (id && id.value) || uuid(), person: person, kind: kind, fields: fields, madeAt: Date.now() };
		keep(item).then(function () {
			// The next check-in from this form is a new one.
			if (id) {
				id.value = uuid();
			}
			form.hidden = true;
			var breath = document.querySelector('[data-breath-after-keep]');
			// navigator.onLine can say online with no connection: one message for both, and
			// the notice above says when it is saved.
			say(form, 'Kept on this device. It will be saved as a check-in, once, as soon as you\u2019re online and signed in. You can close this page.', 'notice');
			if (breath) {
				breath.hidden = false;
			}
			return sendOnce();
		}, function () {
			say(form, 'This browser won\u2019t keep it offline (private browsing can do that). Write it down for now and check in when you\u2019re back online.', 'error-summary');
		});
	});

	window.addEventListener('online', sendOnce);
	// navigator.onLine is not always told when a connection returns: coming back to the page
	// tries again too.
	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'visible') {
			sendOnce();
		}
	});
	window.addEventListener('offline', refresh);
	document.addEventListener('DOMContentLoaded', function () {
		document.querySelectorAll('input[data-submission-id]').forEach(function (input) {
			if (!input.value) {
				input.value = uuid();
			}
		});
		currentPerson();
		sendOnce();
	});
})();
