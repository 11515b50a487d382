package news.platform.media;

import news.platform.testsupport.ServiceFoundationContract;
import news.platform.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class MediaServiceFoundationTest extends ServiceFoundationContract {

}
