package news.platform.article.mongo;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import news.platform.starter.mongodb.QueryShapes;
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
		List<String> uncovered = new ArrayList<>();
		for (QueryShapes.QueryShape shape : this.shapes.shapes()) {
			if (!this.shapes.covered(shape)) {
				uncovered.add(shape.toString());
			}
		}
		assertThat(uncovered).as("query shapes without a declared index").isEmpty();
		assertThat(this.shapes.shapes()).extracting(QueryShapes.QueryShape::collection)
			.contains("articles", "article_slugs", "article_revisions", "events", "leases");
	}

	@Test
	void aShapeWithoutAnIndexIsCaught() {
		QueryShapes probe = new QueryShapes();
		probe.register("articles", List.of("section"), List.of(), "section_1");
		assertThat(probe.covered(probe.shapes().get(0))).isFalse();
	}

	@Test
	void onRealMongoTheIndexesExistAndAreUsed() {
		if (!TestMongo.isRealMongo()) {
			// the embedded server accepts and ignores secondary indexes; nothing to explain
			return;
		}
		for (QueryShapes.QueryShape shape : this.shapes.shapes()) {
			if (shape.usesIndex().equals("_id_") || shape.filterFields().isEmpty()) {
				continue;
			}
			List<String> names = new ArrayList<>();
			this.database.getCollection(shape.collection()).listIndexes().forEach(i -> names.add(i.getString("name")));
			assertThat(names).contains(shape.usesIndex());
			Document filter = new Document();
			shape.filterFields().forEach(field -> filter.append(field, "x"));
			Document explain = this.database.runCommand(new Document("explain",
					new Document("find", shape.collection()).append("filter", filter)));
			assertThat(explain.toJson()).as("plan for %s", shape).contains(shape.usesIndex());
		}
	}

}
