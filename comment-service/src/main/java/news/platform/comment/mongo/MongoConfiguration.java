package news.platform.comment.mongo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

	@Bean
	QueryShapes queryShapes() {
		return new QueryShapes();
	}

}
