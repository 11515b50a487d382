package news.platform.identity;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * JSON for what Spring Security's authorization server keeps (client and token settings,
 * authorization attributes, token metadata), with Spring Security's own Jackson modules: they
 * write each value's type and read back only types on their allow-list, as Spring's JDBC stores do.
 */
public final class SecurityJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.addModules(SecurityJacksonModules.getModules(SecurityJson.class.getClassLoader()))
		.build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private SecurityJson() {
	}

	public static String write(Map<String, Object> values) {
		return MAPPER.writeValueAsString(values);
	}

	public static Map<String, Object> read(String json) {
		return json == null || json.isBlank() ? Map.of() : MAPPER.readValue(json, MAP);
	}

}
