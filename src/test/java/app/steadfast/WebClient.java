package app.steadfast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client with one cookie jar, as a browser without script: it reads the CSRF
 * token from a form's hidden input and follows no redirect by itself. Cookies belong to
 * the host, not the port, so one jar speaks to every node on 127.0.0.1 as one browser
 * would speak to one site behind a load balancer.
 */
public final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final String ACCEPT_PAGE = "text/html,application/xhtml+xml,*/*;q=0.8";

	private final HttpClient http;

	public WebClient() {
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** The address of a node started by {@link TestNodes}. */
	public static String baseUrl(org.springframework.context.ConfigurableApplicationContext node) {
		return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
	}

	public HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** Opens a page as a browser does: an error answers with the error page, not JSON. */
	public HttpResponse<String> getPage(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", ACCEPT_PAGE).GET());
	}

	/** Posts a form; values come in name, value pairs. */
	public HttpResponse<String> post(String url, String... pairs) {
		return send(form(url, pairs));
	}

	/**
	 * Posts a form as a browser does, asking for a page (so an error answers with the
	 * error page, not JSON); values come in name, value pairs.
	 */
	public HttpResponse<String> postForPage(String url, String... pairs) {
		return send(form(url, pairs).header("Accept", ACCEPT_PAGE));
	}

	private static HttpRequest.Builder form(String url, String... pairs) {
		List<String> fields = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)));
	}

	/** The CSRF token of the first form on the page at the address. */
	public String csrfFrom(String url) {
		HttpResponse<String> page = get(url);
		return csrf(page.body()).orElseThrow(() -> new AssertionError(
				"No CSRF token in the page at " + url + " (status " + page.statusCode() + ")"));
	}

	/** The CSRF token of the first form in the HTML, if any. */
	public static java.util.Optional<String> csrf(String html) {
		Matcher token = CSRF.matcher(html);
		return token.find() ? java.util.Optional.of(token.group(1)) : java.util.Optional.empty();
	}

	/** Signs in through the sign-in form at the node's address; returns the answer. */
	public HttpResponse<String> signIn(String baseUrl, String email, String password) {
		return post(baseUrl + "/login", "email", email, "password", password, "_csrf", csrfFrom(baseUrl + "/login"));
	}

	/** Where a redirect leads, or an empty string. */
	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
