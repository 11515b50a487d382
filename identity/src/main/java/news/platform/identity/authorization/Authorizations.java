package news.platform.identity.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.identity.SecurityJson;

/**
 * Authorizations (the state of an authorization request, its code, the tokens issued from it) in
 * {@code authorizations}, keyed by id. Every token the server may be asked about later (state,
 * code, access, refresh, ID token) has a key of its own in {@code authorization_tokens}: the
 * SHA-256 of its value, pointing at its authorization. So a code exchange, a refresh or a
 * revocation is two key lookups, and no token value is stored as a key. An authorization is
 * removed once everything in it has expired ({@link #removeExpired}).
 */
@Component
public class Authorizations implements OAuth2AuthorizationService {

	static final String AUTHORIZATIONS = "authorizations";

	static final String TOKENS = "authorization_tokens";

	static final String EXPIRES_INDEX = "expiresAt";

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final MongoCollection<Document> authorizations;

	private final MongoCollection<Document> tokens;

	private final RegisteredClientRepository clients;

	private final Clock clock;

	Authorizations(MongoDatabase database, QueryShapes shapes, RegisteredClientRepository clients, Clock clock) {
		this.authorizations = database.getCollection(AUTHORIZATIONS);
		this.tokens = database.getCollection(TOKENS);
		this.clients = clients;
		this.clock = clock;
		shapes.createIndexes(this.authorizations, DeclaredIndex.of(EXPIRES_INDEX, "expiresAt"));
		shapes.createIndexes(this.tokens, DeclaredIndex.of(EXPIRES_INDEX, "expiresAt"));
		shapes.register(AUTHORIZATIONS, List.of("_id"), List.of(), "_id_");
		shapes.register(TOKENS, List.of("_id"), List.of(), "_id_");
		shapes.register(AUTHORIZATIONS, List.of("expiresAt"), List.of(), EXPIRES_INDEX);
		shapes.register(TOKENS, List.of("expiresAt"), List.of(), EXPIRES_INDEX);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Document before = this.authorizations.find(Filters.eq("_id", authorization.getId())).first();
		Document document = document(authorization);
		List<String> keys = document.getList("tokenKeys", String.class);
		// keys first: a reader that finds the authorization can find it again by any of its tokens
		for (String key : keys) {
			this.tokens.replaceOne(Filters.eq("_id", key), new Document("_id", key).append("authorizationId",
					authorization.getId()).append("expiresAt", document.getDate("expiresAt")),
					new ReplaceOptions().upsert(true));
		}
		this.authorizations.replaceOne(Filters.eq("_id", authorization.getId()), document,
				new ReplaceOptions().upsert(true));
		if (before != null) {
			List<String> stale = new ArrayList<>(before.getList("tokenKeys", String.class, List.of()));
			stale.removeAll(keys);
			if (!stale.isEmpty()) {
				this.tokens.deleteMany(Filters.in("_id", stale));
			}
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		Document stored = this.authorizations.find(Filters.eq("_id", authorization.getId())).first();
		this.authorizations.deleteOne(Filters.eq("_id", authorization.getId()));
		if (stored != null) {
			this.tokens.deleteMany(Filters.in("_id", stored.getList("tokenKeys", String.class, List.of())));
		}
	}

	@Override
	public OAuth2Authorization findById(String id) {
		Document document = id == null ? null : this.authorizations.find(Filters.eq("_id", id)).first();
		return document == null ? null : authorization(document);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		if (token == null || token.isEmpty()) {
			return null;
		}
		Document key = this.tokens.find(Filters.eq("_id", key(token))).first();
		OAuth2Authorization authorization = key == null ? null : findById(key.getString("authorizationId"));
		// the key is a hash: check the authorization really holds this value, as the asked-for type
		return authorization != null && holds(authorization, token, tokenType) ? authorization : null;
	}

	/** Batch work: authorizations (and their token keys) of which nothing is valid any more. */
	public long removeExpired() {
		Date now = Date.from(this.clock.instant());
		long removed = this.authorizations.deleteMany(Filters.lt("expiresAt", now)).getDeletedCount();
		this.tokens.deleteMany(Filters.lt("expiresAt", now));
		return removed;
	}

	private static boolean holds(OAuth2Authorization authorization, String token, OAuth2TokenType type) {
		boolean any = type == null;
		if ((any || STATE.equals(type)) && token.equals(authorization.getAttribute(OAuth2ParameterNames.STATE))) {
			return true;
		}
		return (any || CODE.equals(type)) && matches(authorization.getToken(OAuth2AuthorizationCode.class), token)
				|| (any || OAuth2TokenType.ACCESS_TOKEN.equals(type))
						&& matches(authorization.getToken(OAuth2AccessToken.class), token)
				|| (any || OAuth2TokenType.REFRESH_TOKEN.equals(type))
						&& matches(authorization.getToken(OAuth2RefreshToken.class), token)
				|| (any || ID_TOKEN.equals(type)) && matches(authorization.getToken(OidcIdToken.class), token);
	}

	private static boolean matches(OAuth2Authorization.Token<?> held, String value) {
		return held != null && held.getToken().getTokenValue().equals(value);
	}

	private Document document(OAuth2Authorization authorization) {
		List<String> keys = new ArrayList<>();
		Instant expires = this.clock.instant().plusSeconds(600);
		Document document = new Document("_id", authorization.getId())
			.append("registeredClientId", authorization.getRegisteredClientId())
			.append("principalName", authorization.getPrincipalName())
			.append("grantType", authorization.getAuthorizationGrantType().getValue())
			.append("scopes", List.copyOf(authorization.getAuthorizedScopes()))
			.append("attributes", SecurityJson.write(authorization.getAttributes()));
		String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
		if (state != null) {
			document.append("state", state);
			keys.add(key(state));
		}
		for (Map.Entry<String, Class<? extends AbstractOAuth2Token>> kind : KINDS.entrySet()) {
			OAuth2Authorization.Token<? extends AbstractOAuth2Token> token = authorization.getToken(kind.getValue());
			if (token == null) {
				continue;
			}
			AbstractOAuth2Token value = token.getToken();
			Document stored = new Document("value", value.getTokenValue()).append("issuedAt", date(value.getIssuedAt()))
				.append("expiresAt", date(value.getExpiresAt()))
				.append("metadata", SecurityJson.write(token.getMetadata()));
			if (value instanceof OAuth2AccessToken access) {
				stored.append("tokenType", access.getTokenType().getValue()).append("scopes", List.copyOf(access.getScopes()));
			}
			document.append(kind.getKey(), stored);
			keys.add(key(value.getTokenValue()));
			if (value.getExpiresAt() != null && value.getExpiresAt().isAfter(expires)) {
				expires = value.getExpiresAt();
			}
		}
		return document.append("tokenKeys", keys).append("expiresAt", Date.from(expires));
	}

	private static final Map<String, Class<? extends AbstractOAuth2Token>> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("code", OAuth2AuthorizationCode.class);
		KINDS.put("accessToken", OAuth2AccessToken.class);
		KINDS.put("refreshToken", OAuth2RefreshToken.class);
		KINDS.put("idToken", OidcIdToken.class);
	}

	private OAuth2Authorization authorization(Document d) {
		RegisteredClient client = this.clients.findById(d.getString("registeredClientId"));
		if (client == null) {
			// the client was removed from the configuration: its authorizations are worth nothing
			return null;
		}
		Map<String, Object> attributes = new HashMap<>(SecurityJson.read(d.getString("attributes")));
		OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
			.id(d.getString("_id"))
			.principalName(d.getString("principalName"))
			.authorizationGrantType(new AuthorizationGrantType(d.getString("grantType")))
			.authorizedScopes(Set.copyOf(d.getList("scopes", String.class, List.of())))
			.attributes(values -> values.putAll(attributes));
		if (d.getString("state") != null) {
			builder.attribute(OAuth2ParameterNames.STATE, d.getString("state"));
		}
		Document code = d.get("code", Document.class);
		if (code != null) {
			builder.token(new OAuth2AuthorizationCode(code.getString("value"), instant(code, "issuedAt"),
					instant(code, "expiresAt")), metadata -> metadata.putAll(metadata(code)));
		}
		Document access = d.get("accessToken", Document.class);
		if (access != null) {
			builder.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access.getString("value"),
					instant(access, "issuedAt"), instant(access, "expiresAt"),
					Set.copyOf(access.getList("scopes", String.class, List.of()))),
					metadata -> metadata.putAll(metadata(access)));
		}
		Document refresh = d.get("refreshToken", Document.class);
		if (refresh != null) {
			builder.token(new OAuth2RefreshToken(refresh.getString("value"), instant(refresh, "issuedAt"),
					instant(refresh, "expiresAt")), metadata -> metadata.putAll(metadata(refresh)));
		}
		Document id = d.get("idToken", Document.class);
		if (id != null) {
			Map<String, Object> metadata = metadata(id);
			@SuppressWarnings("unchecked")
			Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
			builder.token(new OidcIdToken(id.getString("value"), instant(id, "issuedAt"), instant(id, "expiresAt"),
					Objects.requireNonNullElse(claims, Map.of())), values -> values.putAll(metadata));
		}
		return builder.build();
	}

	private static Map<String, Object> metadata(Document token) {
		return SecurityJson.read(token.getString("metadata"));
	}

	/** The key of a token value: its SHA-256, base64url. */
	static String key(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Document token, String key) {
		Date date = token.getDate(key);
		return date == null ? null : date.toInstant();
	}

}
