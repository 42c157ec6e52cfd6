// Steadfast's service worker: the app's files and three neutral pages open without a network.
// It never keeps a page of anyone's: every other page is fetched from the network each time and
// never stored, so nothing one person saw here can be shown to another on this device.
'use strict';

// Replaced by the server with a digest of the files below, so a change to any of them
// installs a new worker and a fresh copy.
var VERSION = '__VERSION__';
var CACHE = 'steadfast-' + VERSION;

// Pages with no one's data in them, the same for everyone (public, built from the practice's
// own wording), and the files every page needs.
var OFFLINE = '/offline';
var OFFLINE_PAUSE = '/offline/pause';
var OFFLINE_NAME_IT = '/offline/name-it';
var PRECACHE = [
	OFFLINE, OFFLINE_PAUSE, OFFLINE_NAME_IT,
	'/css/steadfast.css',
	'/js/steadfast.js', '/js/pause.js', '/js/checkin-queue.js',
	'/webjars/htmx.org/dist/htmx.min.js',
	'/images/favicon.svg', '/images/icon-192.png', '/images/icon-512.png', '/images/icon-maskable-512.png',
	'/manifest.webmanifest'
];
var STATIC = /^\/(css|js|images|webjars)\//;

self.addEventListener('install', function (event) {
	event.waitUntil(caches.open(CACHE).then(function (cache) {
		// Fetched without cookies: what is kept is what anyone signed out would get.
		return Promise.all(PRECACHE.map(function (path) {
			return fetch(new Request(path, { credentials: 'omit', cache: 'no-cache' })).then(function (response) {
				if (!response.ok || response.redirected) {
					throw new Error('Could not keep ' + path + ' (' + response.status + ')');
				}
				return cache.put(path, response);
			});
		}));
	}).then(function () {
		return self.skipWaiting();
	}));
});

self.addEventListener('activate', function (event) {
	event.waitUntil(caches.keys().then(function (names) {
		return Promise.all(names.filter(function (name) {
			return name.indexOf('steadfast-') === 0 && name !== CACHE;
		}).map(function (name) {
			return caches.delete(name);
		}));
	}).then(function () {
		return self.clients.claim();
	}));
});

// Where a page that cannot be fetched now is answered from instead.
function offlineFor(path) {
	if (path === '/conversations/pause' || /^\/conversations\/plans\/[^/]+\/pause$/.test(path)
			|| path === OFFLINE_PAUSE) {
		return OFFLINE_PAUSE;
	}
	if (path === '/checkins/quick' || path === '/checkins/new' || path === OFFLINE_NAME_IT) {
		return OFFLINE_NAME_IT;
	}
	return OFFLINE;
}

self.addEventListener('fetch', function (event) {
	var request = event.request;
	if (request.method !== 'GET') {
		return;
	}
	var url = new URL(request.url);
	if (url.origin !== self.location.origin) {
		return;
	}
	if (request.mode === 'navigate') {
		// Network first, never stored; the neutral page only when the network fails.
		event.respondWith(fetch(request).catch(function () {
			return caches.open(CACHE).then(function (cache) {
				return cache.match(offlineFor(url.pathname));
			});
		}));
		return;
	}
	if (STATIC.test(url.pathname) || url.pathname === '/manifest.webmanifest') {
		// The app's own files: from the network when it answers (so a new one is used at once),
		// from the copy kept at install when it does not.
		event.respondWith(fetch(request).catch(function () {
			return caches.open(CACHE).then(function (cache) {
				return cache.match(url.pathname);
			}).then(function (kept) {
				return kept || Response.error();
			});
		}));
	}
	// Everything else (htmx fragments, data) goes to the network as if there were no worker.
});
