package news.platform.desk.signin;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a person goes after signing in: a path of the desk, or the dashboard. A return address
 * comes from the browser (a saved request, a {@code natrag} parameter), so anything that could leave
 * the desk ({@code //evil.example}, {@code https://…}, {@code /\evil.example}, control characters,
 * another application's path) is replaced by the dashboard: an open redirect is a phishing tool.
 */
public final class ReturnAddress {

	private final String contextPath;

	/** @param contextPath the desk's context path, {@code /desk} */
	public ReturnAddress(String contextPath) {
		this.contextPath = contextPath;
	}

	/** The dashboard: the context path with its slash. */
	public String dashboard() {
		return this.contextPath + "/";
	}

	/** {@code candidate} when it is a plain path (and query) inside the desk, else the dashboard. */
	public String safe(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > 2000) {
			return dashboard();
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			// a backslash is a slash to browsers; control characters and spaces split headers and URLs
			if (c == '\\' || c <= 0x20 || c == 0x7f) {
				return dashboard();
			}
		}
		if (!candidate.startsWith("/") || candidate.startsWith("//")) {
			return dashboard();
		}
		URI uri;
		try {
			uri = new URI(candidate);
		}
		catch (URISyntaxException ex) {
			return dashboard();
		}
		if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
			return dashboard();
		}
		String path = uri.normalize().getRawPath();
		// after normalize() a path that climbs out (/desk/../x) no longer starts with the context path
		if (!(path.equals(this.contextPath) || path.startsWith(this.contextPath + "/"))) {
			return dashboard();
		}
		return candidate;
	}

}
