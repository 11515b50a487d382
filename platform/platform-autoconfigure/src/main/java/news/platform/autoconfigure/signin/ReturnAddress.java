package news.platform.autoconfigure.signin;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where a person goes after signing in or out: a path of the web application (the desk under
 * {@code /desk}, the site at the root), or its start page. A return address comes from the browser
 * (a saved request, a {@code natrag} parameter, a sign-out's {@code state}), so anything that could
 * leave the application ({@code //evil.example}, {@code https://…}, {@code /\evil.example}, control
 * characters, another application's path) is replaced by the start page: an open redirect is a
 * phishing tool. Shared by the desk and the site.
 */
public final class ReturnAddress {

	private static final String KEPT = ReturnAddress.class.getName() + ".kept";

	private final String contextPath;

	/** @param contextPath the application's context path: {@code /desk}, or empty for the site */
	public ReturnAddress(String contextPath) {
		this.contextPath = contextPath;
	}

	/** The start page (the desk's dashboard, the site's home): the context path with its slash. */
	public String home() {
		return this.contextPath + "/";
	}

	/** {@code candidate} when it is a plain path (and query) inside the application, else the start page. */
	public String safe(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > 2000) {
			return home();
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			// a backslash is a slash to browsers; control characters and spaces split headers and URLs
			if (c == '\\' || c <= 0x20 || c == 0x7f) {
				return home();
			}
		}
		if (!candidate.startsWith("/") || candidate.startsWith("//")) {
			return home();
		}
		URI uri;
		try {
			uri = new URI(candidate);
		}
		catch (URISyntaxException ex) {
			return home();
		}
		if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
			return home();
		}
		String path = uri.normalize().getRawPath();
		// after normalize() a path that climbs out (/desk/../x) no longer starts with the context path
		if (!(path.equals(this.contextPath) || path.startsWith(this.contextPath + "/")) || path.startsWith("/..")) {
			return home();
		}
		return candidate;
	}

	/** Keeps the checked address in the session across the trip to the issuer, for {@link #take}. */
	public void keep(HttpServletRequest request, String candidate) {
		request.getSession().setAttribute(KEPT, safe(candidate));
	}

	/** The address {@link #keep} kept, once; null when there is none. */
	public String take(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object address = session.getAttribute(KEPT);
		session.removeAttribute(KEPT);
		return address instanceof String text ? text : null;
	}

}
