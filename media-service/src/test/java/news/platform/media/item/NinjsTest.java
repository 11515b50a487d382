package news.platform.media.item;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.media.MediaApi;
import news.platform.media.TestImages;

import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item as an IPTC ninjs 2.1 picture, the association an article's ninjs export embeds: valid
 * against the official schema, with absolute API URLs from the platform's public API base.
 */
@ServiceIntegrationTest
class NinjsTest {

	static final Schema SCHEMA = schema();

	@LocalServerPort
	int port;

	@Autowired
	PublicUrls urls;

	MediaApi api;

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
	}

	@Test
	void aPictureInNinjsWithAbsoluteUrls() {
		JsonNode uploaded = this.api.uploaded(TestImages.jpeg(TestImages.picture(800, 600, 71)));
		String id = uploaded.path("id").asString();
		MediaApi.Response current = this.api.get("/api/v1/media/" + id, "Authorization", "Bearer " + EDITOR);
		this.api.patch(EDITOR, id, current.header("ETag"), "{\"caption\": \"Most u Čačku\", \"alt\": \"Most\", "
				+ "\"credit\": \"Ivo Ivić/Pixsell\", \"copyright\": \"Pixsell\", \"source\": \"Pixsell\", \"tags\": [\"Čačak\"]}");

		MediaApi.Response reader = this.api.get("/api/v1/media/" + id, "Accept", "application/ninjs+json");
		assertThat(reader.status()).as(reader.text()).isEqualTo(200);
		assertThat(reader.header("Content-Type")).startsWith("application/ninjs+json");
		assertThat(reader.header("Vary")).containsIgnoringCase("Accept");
		JsonNode ninjs = reader.json();
		assertThat(violations(ninjs)).isEmpty();
		assertThat(ninjs.path("uri").asString()).isEqualTo("urn:newsplatform:media:" + id);
		assertThat(ninjs.path("type").asString()).isEqualTo("picture");
		assertThat(ninjs.path("descriptions").path(0).path("value").asString()).isEqualTo("Most u Čačku");
		assertThat(ninjs.path("by").asString()).isEqualTo("Ivo Ivić/Pixsell");
		String api = this.urls.api("").toString();
		assertThat(api).startsWith("http");
		JsonNode thumb = ninjs.path("renditions").path(0);
		assertThat(thumb.path("name").asString()).isEqualTo("thumb");
		assertThat(thumb.path("href").asString()).startsWith(api + "/media/" + id + "/rendition?preset=thumb&fp=");
		assertThat(thumb.path("width").asInt()).isEqualTo(320);
		assertThat(thumb.path("height").asInt()).isEqualTo(180);
		// readers get neither the original (it may carry GPS data) nor the staff fields
		java.util.List<String> names = new java.util.ArrayList<>();
		ninjs.path("renditions").forEach(rendition -> names.add(rendition.path("name").asString()));
		assertThat(names).containsExactly("thumb", "card", "hero", "square", "wide");
		assertThat(ninjs.has("subjects")).isFalse();
		assertThat(reader.header("ETag")).isNotEqualTo(this.api.get("/api/v1/media/" + id).header("ETag"));

		JsonNode staff = this.api.get("/api/v1/media/" + id, "Accept", "application/ninjs+json", "Authorization",
				"Bearer " + EDITOR).json();
		assertThat(violations(staff)).isEmpty();
		JsonNode original = staff.path("renditions").get(staff.path("renditions").size() - 1);
		assertThat(original.path("name").asString()).isEqualTo("original");
		assertThat(original.path("href").asString()).isEqualTo(api + "/media/" + id + "/original");
		assertThat(original.path("width").asInt()).isEqualTo(800);
		assertThat(staff.path("subjects").path(0).path("name").asString()).isEqualTo("Čačak");
		assertThat(staff.path("version").asString()).isEqualTo("2");

		// the rendition URL works as given (here without the public host)
		String path = thumb.path("href").asString().substring(api.length());
		assertThat(this.api.get("/api/v1" + path).status()).isEqualTo(200);
		// JSON stays the default
		assertThat(this.api.get("/api/v1/media/" + id).header("Content-Type")).startsWith("application/json");
	}

	private static List<String> violations(JsonNode document) {
		List<Error> errors = SCHEMA.validate(document);
		return errors.stream().map(Error::toString).toList();
	}

	private static Schema schema() {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemaRegistryConfig(config)
					.schemaLoader(loader -> loader.fetchRemoteResources(false)
						.schemaIdResolvers(resolvers -> resolvers.mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/")
							.mapPrefix("https://geojson.org/schema/", "classpath:ninjs/"))));
		return registry.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"));
	}

}
