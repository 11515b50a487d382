package news.platform.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The identity provider of a test JVM, on a real port, so that services under test take the code
 * path production takes: they validate tokens against this JWKS ({@code /oauth2/jwks}) and get their
 * {@code service} tokens by the client-credentials grant ({@code POST /oauth2/token}, HTTP basic with
 * {@link #CLIENT_SECRET}). Tokens are signed with {@link TestTokens}' key; one server per JVM.
 */
public final class TestIssuer {

	/** The secret every test service presents with its client id (its application name). */
	public static final String CLIENT_SECRET = "test-service-secret";

	private static volatile TestIssuer instance;

	private final HttpServer server;

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private TestIssuer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "test-issuer");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/oauth2/jwks", this::jwks);
		this.server.createContext("/oauth2/token", this::token);
		this.server.start();
	}

	public static TestIssuer get() {
		if (instance == null) {
			synchronized (TestIssuer.class) {
				if (instance == null) {
					instance = new TestIssuer();
				}
			}
		}
		return instance;
	}

	public String jwkSetUri() {
		return base() + "/oauth2/jwks";
	}

	public String tokenUri() {
		return base() + "/oauth2/token";
	}

	/** How many client-credentials tokens this issuer has made (tests of token caching read it). */
	public int tokensIssued() {
		return this.tokensIssued.get();
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void jwks(HttpExchange exchange) throws IOException {
		RSAKey key = new RSAKey.Builder((RSAPublicKey) TestTokens.publicKey()).keyID(TestTokens.KEY_ID)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.build();
		send(exchange, 200, new JWKSet(key).toString(true));
	}

	private void token(HttpExchange exchange) throws IOException {
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> parameters = new HashMap<>();
		for (String pair : form.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts.length == 2) {
				parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
			}
		}
		String client = basicClient(exchange.getRequestHeaders().getFirst("Authorization"));
		if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(parameters.get("grant_type"))) {
			send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
			return;
		}
		if (client == null) {
			send(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		Instant now = Instant.now();
		String token = TestTokens.sign(TestTokens.claims(client, "service")
			.claim("name", client)
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.build());
		this.tokensIssued.incrementAndGet();
		send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
	}

	/** The client id of a valid {@code Basic} header with {@link #CLIENT_SECRET}, else null. */
	private static String basicClient(String authorization) {
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return null;
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
		String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
		return CLIENT_SECRET.equals(secret) ? id : null;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}


}
