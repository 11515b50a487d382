package news.platform.site.render;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer. The Content-Security-Policy allows no inline script at
 * all (the JSON-LD block is data, which a policy does not govern), scripts, styles, fonts and
 * connections only from the site, pictures from the site and the public API (media renditions),
 * forms only to the site (and the sign-out's redirect to the issuer), no framing. A page with picture placeholders adds the hashes of their
 * {@code style} attributes ({@link #withStyleHashes}), nothing else inline.
 */
public final class SecurityHeaders {

	private final String policy;

	private final String stylePrefix;

	private final String policyRest;

	/**
	 * @param imageOrigins origins pictures come from beside the site itself (the public API's); the
	 * live comment stream comes from the public API too
	 * @param formOrigins where a form's redirect may lead beside the site (the issuer, on signing out)
	 */
	public SecurityHeaders(String imageOrigins, String formOrigins) {
		String images = imageOrigins == null || imageOrigins.isBlank() ? "'self'" : "'self' " + imageOrigins;
		this.stylePrefix = "style-src 'self'";
		this.policyRest = "; img-src " + images
				+ "; script-src 'self'; connect-src " + images + "; font-src 'self'; manifest-src 'self'; form-action 'self'"
				+ (formOrigins == null || formOrigins.isBlank() ? "" : " " + formOrigins)
				+ "; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; default-src 'none'";
		this.policy = this.stylePrefix + this.policyRest;
	}

	public String policy() {
		return this.policy;
	}

	/** The policy allowing exactly these {@code style} attribute values ({@code 'sha256-…'} sources). */
	public String withStyleHashes(java.util.Collection<String> hashSources) {
		if (hashSources.isEmpty()) {
			return this.policy;
		}
		return this.stylePrefix + " 'unsafe-hashes' " + String.join(" ", hashSources) + this.policyRest;
	}

	public void apply(HttpServletResponse response, String pagePolicy) {
		response.setHeader("Content-Security-Policy", pagePolicy != null ? pagePolicy : this.policy);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
	}

}
