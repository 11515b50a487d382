package news.platform.article.agency;

import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.client.ServiceTokens;

@Configuration(proxyBeanMethods = false)
class AgencyConfiguration {

	/**
	 * media-service for agency pictures. Without a token source the call goes out bare,
	 * media-service answers 401, and the item answers 503 (nothing stored).
	 */
	@Bean
	AgencyPictures agencyPictures(JsonMapper json, @Value("${platform.upstreams.media-service:}") String baseUrl,
			@Value("${article.agency.picture-timeout:2500ms}") Duration timeout, ObjectProvider<ServiceTokens> tokens) {
		Supplier<String> authorization = () -> {
			ServiceTokens source = tokens.getIfAvailable();
			return source == null ? null : source.authorization();
		};
		return new AgencyPictures(json, baseUrl, authorization, timeout);
	}

}
