package news.platform.comment.mongo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

	/** Named apart from the starter's registry bean (the starter is getting one; until then this module has its own). */
	@Bean
	QueryShapes commentQueryShapes() {
		return new QueryShapes();
	}

}
