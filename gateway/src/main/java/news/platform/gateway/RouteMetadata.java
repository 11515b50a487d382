package news.platform.gateway;

/**
 * Route metadata (in {@code gateway.yml}) that filters of several packages read.
 */
public final class RouteMetadata {

	/**
	 * {@code true} on the routes of web applications (the site, the desk): their own
	 * Content-Security-Policy, frame and referrer headers pass through; the gateway's strict API
	 * policy applies only where they sent none.
	 */
	public static final String WEB_APPLICATION = "web-application";

	/**
	 * {@code false} keeps the route's answers out of the gateway's response cache (the site's own
	 * cache knows about unpublishing; the gateway's does not).
	 */
	public static final String RESPONSE_CACHE = "response-cache";

	/**
	 * The name of the web application's session cookie (the desk's {@code DESK_SESSION}): requests
	 * carrying it are rate-limited per session under a per-address ceiling
	 * ({@code platform.gateway.rate-limits.session}, {@code .session-address-ceiling}).
	 */
	public static final String RATE_LIMIT_SESSION_COOKIE = "rate-limit-session-cookie";

	private RouteMetadata() {
	}

	/** A metadata flag, whether YAML gave it as a boolean or a string. */
	public static boolean flag(org.springframework.cloud.gateway.route.Route route, String name, boolean otherwise) {
		if (route == null) {
			return otherwise;
		}
		Object value = route.getMetadata().get(name);
		if (value == null) {
			return otherwise;
		}
		return value instanceof Boolean bool ? bool : Boolean.parseBoolean(value.toString());
	}

}
