package news.platform.article;

import news.platform.testsupport.ServiceFoundationContract;
import news.platform.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class ArticleServiceFoundationTest extends ServiceFoundationContract {

	@Override
	protected String pathThatReadsMongoDb() {
		return "/api/v1/articles/no-such-article";
	}

}
