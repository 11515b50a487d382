package news.platform.media.mongo;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query shape a store registers has a declared, named index that covers it; on a real
 * MongoDB the indexes exist and the planner uses them.
 */
@ServiceIntegrationTest
class QueryIndexCoverageTest {

	@Autowired
	QueryShapes shapes;

	@Autowired
	MongoDatabase database;

	@Test
	void everyQueryShapeHasADeclaredIndex() {
		assertThat(this.shapes.shapes()).isNotEmpty();
		assertThat(this.shapes.uncovered()).as("query shapes without a declared index").isEmpty();
		assertThat(this.shapes.shapes()).extracting(QueryShapes.QueryShape::collection)
			.contains("media_items", "originals", "original_files.chunks", "renditions", "media_usage",
					"article_media", "feed_cursor", "feed_cursors", "events", "media_outbox", "leases");
	}

	@Test
	void aShapeWithoutAnIndexIsCaught() {
		QueryShapes probe = new QueryShapes();
		probe.register("media_items", List.of("uploadedBy"), List.of(), "uploadedBy_1");
		assertThat(probe.uncovered()).hasSize(1);
	}

	@Test
	void onRealMongoTheIndexesExistAndAreUsed() {
		// the embedded server accepts and ignores secondary indexes: only a real server can answer
		if (TestMongo.isRealMongo()) {
			assertThat(this.shapes.notUsedBy(this.database)).isEmpty();
		}
	}

}
