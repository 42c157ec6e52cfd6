package app.steadfast.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What lets a phone install Steadfast and open part of it without a network: the web app
 * manifest, the service worker (at the root, so it may serve every page) and the page it
 * shows when a page cannot be fetched. All three are public and hold no one's data.
 */
@Controller
class InstallableApp {

	static final String MANIFEST = "/manifest.webmanifest";

	static final String WORKER = "/sw.js";

	static final String OFFLINE = "/offline";

	static final MediaType MANIFEST_TYPE = MediaType.parseMediaType("application/manifest+json");

	private final byte[] manifest;

	// Made on the first request for it, not at start-up: its cache name digests every
	// static file, which start-up need not wait for.
	private final java.util.function.Supplier<byte[]> worker = org.springframework.util.function.SingletonSupplier
		.of(InstallableApp::workerScript);

	InstallableApp() {
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		this.manifest = read(resources.getResource("classpath:/pwa/manifest.webmanifest"));
	}

	@GetMapping(MANIFEST)
	ResponseEntity<byte[]> manifest() {
		return ResponseEntity.ok().contentType(MANIFEST_TYPE).body(this.manifest);
	}

	@GetMapping(WORKER)
	ResponseEntity<byte[]> worker() {
		// Spring Security's no-store applies, as to every page: the browser never runs a
		// stale worker.
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.header("Service-Worker-Allowed", "/")
			.body(this.worker.get());
	}

	private static byte[] workerScript() {
		PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
		String script = new String(read(resources.getResource("classpath:/pwa/sw.js")), StandardCharsets.UTF_8);
		return script.replace("__VERSION__", version(resources, script)).getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping(OFFLINE)
	String offline() {
		return "layout/offline";
	}

	/**
	 * A digest of the worker and of every file and neutral page it keeps: the worker's
	 * cache name, so any change installs a fresh copy.
	 */
	private static String version(PathMatchingResourcePatternResolver resources, String script) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(script.getBytes(StandardCharsets.UTF_8));
			for (String pattern : new String[] { "classpath:/static/**/*.*", "classpath:/templates/**/offline*.html",
					"classpath:/pwa/*" }) {
				Resource[] found = resources.getResources(pattern);
				Arrays.sort(found, Comparator.comparing(InstallableApp::name));
				for (Resource resource : found) {
					digest.update(name(resource).getBytes(StandardCharsets.UTF_8));
					digest.update(read(resource));
				}
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// The path inside the classpath, the same on every node however it was deployed.
	private static String name(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int start = -1;
			for (String folder : new String[] { "/static/", "/templates/", "/pwa/" }) {
				start = Math.max(start, url.lastIndexOf(folder));
			}
			return url.substring(start + 1);
		}
		catch (IOException ex) {
			return String.valueOf(resource.getFilename());
		}
	}

	private static byte[] read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
