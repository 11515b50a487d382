package news.platform.identity.client;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.identity.SecurityJson;

/**
 * {@code clients}: the registered clients, keyed by their client id (which is also their
 * registration id), so both lookups the authorization server makes are key lookups. Secrets are
 * stored hashed.
 */
@Component
class RegisteredClients implements RegisteredClientRepository {

	static final String COLLECTION = "clients";

	private final MongoCollection<Document> clients;

	RegisteredClients(MongoDatabase database, QueryShapes shapes) {
		this.clients = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
	}

	@Override
	public void save(RegisteredClient client) {
		if (!client.getId().equals(client.getClientId())) {
			throw new IllegalArgumentException("A client's id is its client id here: " + client.getClientId());
		}
		this.clients.replaceOne(Filters.eq("_id", client.getId()), document(client), new ReplaceOptions().upsert(true));
	}

	@Override
	public RegisteredClient findById(String id) {
		Document document = id == null ? null : this.clients.find(Filters.eq("_id", id)).first();
		return document == null ? null : client(document);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return findById(clientId);
	}

	/** At start-up: clients no longer configured can no longer get tokens (a scan of a handful). */
	long removeAllExcept(Collection<String> ids) {
		return this.clients.deleteMany(Filters.nin("_id", ids)).getDeletedCount();
	}

	private static Document document(RegisteredClient client) {
		return new Document("_id", client.getId()).append("clientIdIssuedAt", date(client.getClientIdIssuedAt()))
			.append("clientSecret", client.getClientSecret())
			.append("clientSecretExpiresAt", date(client.getClientSecretExpiresAt()))
			.append("clientName", client.getClientName())
			.append("authenticationMethods",
					client.getClientAuthenticationMethods().stream().map(ClientAuthenticationMethod::getValue).toList())
			.append("grantTypes",
					client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue).toList())
			.append("redirectUris", List.copyOf(client.getRedirectUris()))
			.append("postLogoutRedirectUris", List.copyOf(client.getPostLogoutRedirectUris()))
			.append("scopes", List.copyOf(client.getScopes()))
			.append("clientSettings", SecurityJson.write(client.getClientSettings().getSettings()))
			.append("tokenSettings", SecurityJson.write(client.getTokenSettings().getSettings()));
	}

	private static RegisteredClient client(Document d) {
		return RegisteredClient.withId(d.getString("_id"))
			.clientId(d.getString("_id"))
			.clientIdIssuedAt(instant(d.getDate("clientIdIssuedAt")))
			.clientSecret(d.getString("clientSecret"))
			.clientSecretExpiresAt(instant(d.getDate("clientSecretExpiresAt")))
			.clientName(d.getString("clientName"))
			.clientAuthenticationMethods(methods -> strings(d, "authenticationMethods")
				.forEach(method -> methods.add(new ClientAuthenticationMethod(method))))
			.authorizationGrantTypes(grants -> strings(d, "grantTypes")
				.forEach(grant -> grants.add(new AuthorizationGrantType(grant))))
			.redirectUris(uris -> uris.addAll(strings(d, "redirectUris")))
			.postLogoutRedirectUris(uris -> uris.addAll(strings(d, "postLogoutRedirectUris")))
			.scopes(scopes -> scopes.addAll(strings(d, "scopes")))
			.clientSettings(ClientSettings.withSettings(SecurityJson.read(d.getString("clientSettings"))).build())
			.tokenSettings(TokenSettings.withSettings(SecurityJson.read(d.getString("tokenSettings"))).build())
			.build();
	}

	private static Set<String> strings(Document d, String key) {
		return Set.copyOf(d.getList(key, String.class, List.of()));
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
