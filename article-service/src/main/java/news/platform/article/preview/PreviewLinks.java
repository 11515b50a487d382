package news.platform.article.preview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Preview links: a signed, expiring token per link, and the links' state in
 * {@code article_previews} ({@code _id} = article id, its live links in one small array), so every
 * check is one key lookup and revoking a link ends it at once. The token is
 * {@code base64url(articleId:linkId:expiresAt)} + {@code .} + {@code base64url(HMAC-SHA256)}: a
 * tampered or made-up token fails the signature before anything is read; a genuine one still needs
 * its link to be stored, unexpired and unrevoked. Tokens travel in the query string, never in a path
 * (paths are logged).
 */
@Component
@EnableConfigurationProperties(PreviewProperties.class)
class PreviewLinks {

	static final String COLLECTION = "article_previews";

	private static final String SETTINGS = "article_settings";

	private static final String KEY_SETTING = "preview-signing-key";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{10,200}\\.[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoCollection<Document> collection;

	private final PreviewProperties properties;

	private final Clock clock;

	private final byte[] key;

	PreviewLinks(MongoDatabase database, QueryShapes shapes, PreviewProperties properties, Clock clock) {
		this.collection = database.getCollection(COLLECTION);
		this.properties = properties;
		this.clock = clock;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		this.key = signingKey(database.getCollection(SETTINGS), properties.signingKey());
	}

	/** A live link and its token. */
	record Link(String articleId, String id, Instant expiresAt, String createdBy, Instant createdAt, String token) {
	}

	Link create(String articleId, String createdBy) {
		return create(articleId, createdBy, now().plus(this.properties.ttl()).truncatedTo(ChronoUnit.SECONDS));
	}

	/** A link that works until {@code expiresAt} (tests make one already expired this way). */
	Link create(String articleId, String createdBy, Instant expiresAt) {
		Instant now = now();
		String id = HexFormat.of().formatHex(randomBytes(16));
		// expired links go first; the array never holds more than maxLinks
		this.collection.updateOne(Filters.eq("_id", articleId),
				Updates.pull("links", new Document("expiresAt", new Document("$lte", Date.from(now)))));
		this.collection.updateOne(Filters.eq("_id", articleId),
				Updates.pushEach("links",
						List.of(new Document("id", id).append("expiresAt", Date.from(expiresAt))
							.append("createdBy", createdBy)
							.append("createdAt", Date.from(now))),
						new PushOptions().slice(-Math.max(1, this.properties.maxLinks()))),
				new UpdateOptions().upsert(true));
		return new Link(articleId, id, expiresAt, createdBy, now, token(articleId, id, expiresAt));
	}

	/** The article's live links, newest first. */
	List<Link> list(String articleId) {
		Document stored = this.collection.find(Filters.eq("_id", articleId)).first();
		List<Link> links = new ArrayList<>();
		Instant now = now();
		if (stored != null) {
			for (Document link : stored.getList("links", Document.class, List.of())) {
				Instant expiresAt = link.getDate("expiresAt").toInstant();
				if (expiresAt.isAfter(now)) {
					links.add(new Link(articleId, link.getString("id"), expiresAt, link.getString("createdBy"),
							link.getDate("createdAt").toInstant(), token(articleId, link.getString("id"), expiresAt)));
				}
			}
		}
		links.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
		return links;
	}

	/** Ends a link at once; false when the article has no such link. */
	boolean revoke(String articleId, String linkId) {
		return this.collection
			.updateOne(Filters.eq("_id", articleId), Updates.pull("links", new Document("id", linkId)))
			.getModifiedCount() == 1;
	}

	/**
	 * The article id a token opens, or empty: malformed, tampered, expired or revoked tokens all
	 * answer the same, and only a well-signed one costs a key lookup.
	 */
	Optional<String> open(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		byte[] payload;
		byte[] signature;
		try {
			payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			return Optional.empty();
		}
		String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
		if (parts.length != 3) {
			return Optional.empty();
		}
		Instant expiresAt;
		try {
			expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		Instant now = now();
		if (!expiresAt.isAfter(now)) {
			return Optional.empty();
		}
		Document stored = this.collection.find(Filters.eq("_id", parts[0])).first();
		if (stored == null) {
			return Optional.empty();
		}
		for (Document link : stored.getList("links", Document.class, List.of())) {
			if (parts[1].equals(link.getString("id")) && link.getDate("expiresAt").toInstant().isAfter(now)) {
				return Optional.of(parts[0]);
			}
		}
		return Optional.empty();
	}

	private String token(String articleId, String linkId, Instant expiresAt) {
		byte[] payload = (articleId + ":" + linkId + ":" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString(payload) + "." + encoder.encodeToString(sign(payload));
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** The configured key, else the one kept in the database (made by the first replica to need it). */
	private static byte[] signingKey(MongoCollection<Document> settings, String configured) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.strip());
			if (key.length < 32) {
				throw new IllegalStateException("article.preview.signing-key must be at least 32 bytes (base64)");
			}
			return key;
		}
		Document stored = settings.find(Filters.eq("_id", KEY_SETTING)).first();
		if (stored == null) {
			try {
				settings.insertOne(new Document("_id", KEY_SETTING).append("key",
						Base64.getEncoder().encodeToString(randomBytes(32))));
			}
			catch (MongoWriteException ex) {
				// another replica made it first: use theirs
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
			stored = settings.find(Filters.eq("_id", KEY_SETTING)).first();
		}
		return Base64.getDecoder().decode(stored.getString("key"));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
