package news.platform.identity.authorization;

import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * {@code consents}, keyed by client and person. The platform's own clients need no consent
 * screen, so this stays empty unless a client asks for consent; it is here so that one can.
 */
@Component
class Consents implements OAuth2AuthorizationConsentService {

	static final String COLLECTION = "consents";

	private final MongoCollection<Document> consents;

	Consents(MongoDatabase database, QueryShapes shapes) {
		this.consents = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		String id = id(consent.getRegisteredClientId(), consent.getPrincipalName());
		this.consents.replaceOne(Filters.eq("_id", id),
				new Document("_id", id).append("registeredClientId", consent.getRegisteredClientId())
					.append("principalName", consent.getPrincipalName())
					.append("authorities", consent.getAuthorities().stream().map(Object::toString).toList()),
				new ReplaceOptions().upsert(true));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		this.consents.deleteOne(Filters.eq("_id", id(consent.getRegisteredClientId(), consent.getPrincipalName())));
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		Document d = this.consents.find(Filters.eq("_id", id(registeredClientId, principalName))).first();
		if (d == null) {
			return null;
		}
		OAuth2AuthorizationConsent.Builder builder = OAuth2AuthorizationConsent.withId(registeredClientId,
				principalName);
		d.getList("authorities", String.class, List.of())
			.forEach(authority -> builder.authority(new SimpleGrantedAuthority(authority)));
		return builder.build();
	}

	private static String id(String client, String principal) {
		return client + ":" + principal;
	}

}
