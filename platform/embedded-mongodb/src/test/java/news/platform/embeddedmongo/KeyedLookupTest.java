package news.platform.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable backend reads by key when a query names a unique index's keys among others (the services' conditional
 * writes: {@code {_id, revision}}), with the same answers a scan gives, through the official driver.
 */
class KeyedLookupTest {

    @TempDir
    static Path dir;

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> stories;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.startDurable(dir.resolve("keyed.mv.db"));
        client = MongoClients.create(server.connectionString());
        stories = client.getDatabase("keyed").getCollection("stories");
        stories.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).name("slug_unique"));
        List<Document> documents = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            documents.add(new Document("_id", "s" + n).append("revision", n % 3).append("slug", "prica-" + n)
                .append("status", n % 2 == 0 ? "published" : "draft"));
        }
        stories.insertMany(documents);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void conditionalWritesByIdAndRevisionReadByKeyAndMatchTheWholeFilter() {
        long scans = KeyedH2Collection.fullScans();

        // the version read: written
        assertThat(stories.updateOne(Filters.and(Filters.eq("_id", "s7"), Filters.eq("revision", 1)),
            Updates.set("headline", "Most")).getModifiedCount()).isEqualTo(1);
        // someone saved in between: nothing written
        assertThat(stories.updateOne(Filters.and(Filters.eq("_id", "s7"), Filters.eq("revision", 2)),
            Updates.set("headline", "Drugi")).getMatchedCount()).isZero();
        assertThat(stories.replaceOne(Filters.and(Filters.eq("_id", "s8"), Filters.eq("revision", 2)),
            new Document("revision", 3).append("slug", "prica-8").append("status", "draft")).getModifiedCount())
            .isEqualTo(1);
        Document incremented = stories.findOneAndUpdate(Filters.and(Filters.eq("_id", "s9"), Filters.eq("revision", 0)),
            Updates.inc("revision", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(incremented.getInteger("revision")).isEqualTo(1);
        assertThat(stories.deleteOne(Filters.and(Filters.eq("_id", "s10"), Filters.eq("revision", 2)))
            .getDeletedCount()).isZero();
        assertThat(stories.find(Filters.and(Filters.eq("_id", "s7"), Filters.eq("status", "draft"))).first()
            .getString("headline")).isEqualTo("Most");
        assertThat(stories.find(Filters.and(Filters.in("_id", "s1", "s2", "s3", "s4"), Filters.eq("status", "published")))
            .map(found -> found.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("s2", "s4");
        // another unique index, named among other keys
        assertThat(stories.find(Filters.and(Filters.eq("slug", "prica-12"), Filters.eq("status", "published"))).first()
            .getString("_id")).isEqualTo("s12");
        assertThat(stories.find(Filters.and(Filters.eq("slug", "prica-12"), Filters.eq("status", "draft"))).first())
            .isNull();
        // an upsert by key and a field: not there, so inserted, as on MongoDB
        stories.replaceOne(Filters.and(Filters.eq("_id", "s500"), Filters.eq("revision", 1)),
            new Document("revision", 1).append("slug", "prica-500"), new ReplaceOptions().upsert(true));
        assertThat(stories.find(Filters.eq("_id", "s500")).first()).isNotNull();

        assertThat(KeyedH2Collection.fullScans()).as("queries that named a unique index's keys").isEqualTo(scans);
    }

    @Test
    void aQueryWithoutAUniqueIndexsKeysStillScans() {
        long scans = KeyedH2Collection.fullScans();
        assertThat(stories.countDocuments(Filters.and(Filters.eq("status", "published"), Filters.gte("revision", 0))))
            .isGreaterThanOrEqualTo(100);
        assertThat(KeyedH2Collection.fullScans()).isGreaterThan(scans);
    }

}
