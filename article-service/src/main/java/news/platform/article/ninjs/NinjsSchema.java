package news.platform.article.ninjs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;

/**
 * The official IPTC ninjs 2.1 JSON schema (draft 2020-12), loaded once from the classpath. Kept
 * behind this class so the validator library can change without touching the mapping.
 */
final class NinjsSchema {

	static final String VERSION = "2.1";

	static final String ID = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

	private static final String RESOURCES = "classpath:news/platform/article/ninjs/";

	private static final Schema SCHEMA = load();

	private static final Set<String> KNOWN_PROPERTIES = knownProperties();

	/** The properties a ninjs 2.1 item may have at its top level (ninjsType's own). */
	private static final Set<String> TOP_LEVEL_PROPERTIES = Set.copyOf(
			SCHEMA.getSchemaNode().path("$defs").path("ninjsType").path("properties").propertyNames());

	private NinjsSchema() {
	}

	/**
	 * @return one violation per line, each starting with the JSON path it concerns
	 * ({@code $.headlines[0].value}); empty when the document is valid
	 */
	static List<Violation> validate(JsonNode document) {
		List<Error> errors = SCHEMA.validate(document);
		return errors.stream()
			.filter((error) -> !isEcho(error))
			.map((error) -> new Violation(path(error), message(error)))
			.distinct()
			.toList();
	}

	/**
	 * The document checked against the core schema with its unknown top-level properties set aside:
	 * ninjs 2.1 lets a provider extend the schema with its own properties (IPTC's
	 * schema-extension example adds {@code foofoo}), while the committed core schema forbids
	 * unevaluated properties. Only top-level ones are set aside; an unknown property inside a
	 * known object is still a violation, as it is for the extension schema too.
	 */
	static Checked validateCore(JsonNode document) {
		if (!document.isObject()) {
			return new Checked(validate(document), List.of());
		}
		List<String> ignored = document.propertyNames()
			.stream()
			.filter((name) -> !TOP_LEVEL_PROPERTIES.contains(name))
			.sorted()
			.toList();
		if (ignored.isEmpty()) {
			return new Checked(validate(document), ignored);
		}
		tools.jackson.databind.node.ObjectNode core = ((tools.jackson.databind.node.ObjectNode) document).deepCopy();
		core.remove(ignored);
		return new Checked(validate(core), ignored);
	}

	/** Violations of the core schema, and the unknown top-level properties set aside before the check. */
	record Checked(List<Violation> violations, List<String> ignoredProperties) {
	}

	/**
	 * With {@code unevaluatedProperties: false}, one bad value makes its whole object fail, and
	 * the validator then also reports every valid ninjs property of that object as "not
	 * evaluated". Those echoes would bury the real error; unknown properties are still reported.
	 */
	private static boolean isEcho(Error error) {
		return "unevaluatedProperties".equals(error.getKeyword()) && error.getProperty() != null
				&& KNOWN_PROPERTIES.contains(error.getProperty());
	}

	/** The path of the offending property itself where the library names it. */
	private static String path(Error error) {
		String path = error.getInstanceLocation().toString();
		boolean namesProperty = "required".equals(error.getKeyword())
				|| "unevaluatedProperties".equals(error.getKeyword())
				|| "additionalProperties".equals(error.getKeyword());
		return (namesProperty && error.getProperty() != null) ? path + "." + error.getProperty() : path;
	}

	private static String message(Error error) {
		String message = error.getMessage();
		String location = error.getInstanceLocation().toString();
		// the library starts its messages with the path; the path is reported on its own
		return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
	}

	private static Schema load() {
		// Never fetch a schema over the network: the copies beside this class are the reference,
		// and a request path must not depend on iptc.org or geojson.org being up.
		// "format" stays an annotation, as draft 2020-12 and IPTC's own test suite have it (their
		// should_pass documents include "uri": "002-schema" and malformed date-times)
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemaRegistryConfig(config)
					.schemaLoader((loader) -> loader.fetchRemoteResources(false)
						.schemaIdResolvers((resolvers) -> resolvers
							.mapPrefix("http://www.iptc.org/std/ninjs/", RESOURCES)
							.mapPrefix("https://geojson.org/schema/", RESOURCES))));
		return registry.getSchema(SchemaLocation.of(ID));
	}

	private static Set<String> knownProperties() {
		Set<String> names = new HashSet<>(SCHEMA.getSchemaNode().path("$defs").path("ninjsType").path("properties").propertyNames());
		// the one property an association adds to ninjsType
		names.add("name");
		return Set.copyOf(names);
	}

	/** One schema violation: where in the document, and what is wrong. */
	record Violation(String path, String message) {
	}

}
