package news.platform.media;

import news.platform.testsupport.ServiceFoundationContract;
import news.platform.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class MediaServiceFoundationTest extends ServiceFoundationContract {

	@Override
	protected String pathThatReadsMongoDb() {
		// an item id that no item has: looked up by _id
		return "/api/v1/media/0123456789abcdef01234567";
	}

}
