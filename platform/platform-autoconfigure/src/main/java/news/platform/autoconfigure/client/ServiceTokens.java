package news.platform.autoconfigure.client;

/**
 * The {@code service} role token a service sends when it calls another service's
 * {@code /internal/v1/**} API. Tokens are cached and renewed before they expire, so calling
 * {@link #authorization()} on every request is cheap.
 */
public interface ServiceTokens {

	/** The value for the {@code Authorization} header: {@code Bearer <jwt>}. */
	String authorization();

}
