package news.platform.comment;

import news.platform.testsupport.ServiceFoundationContract;
import news.platform.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class CommentServiceFoundationTest extends ServiceFoundationContract {

}
