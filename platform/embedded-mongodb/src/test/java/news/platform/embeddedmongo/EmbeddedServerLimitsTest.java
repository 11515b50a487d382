package news.platform.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoQueryException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Collation;
import com.mongodb.client.model.CollationStrength;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded server (mongo-java-server 1.47, durable H2 backend) lacks and what it does, through the official
 * driver. docs/embedded-mongodb.md points at these tests; when one fails after an upgrade, update the table there.
 */
class EmbeddedServerLimitsTest {

    @TempDir
    static Path dir;

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static MongoDatabase db;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.startDurable(dir.resolve("limits.mv.db"));
        client = MongoClients.create(server.connectionString());
        db = client.getDatabase("limits");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static MongoCollection<Document> collection(String name) {
        MongoCollection<Document> collection = db.getCollection(name);
        collection.drop();
        return collection;
    }

    @Test
    void transactionsAndSessionsAreRefused() {
        MongoCollection<Document> articles = collection("tx");
        // the driver hands out a session object, but the server announces no session support (no
        // logicalSessionTimeoutMinutes), so the first operation that uses it fails
        try (ClientSession session = client.startSession()) {
            session.startTransaction();
            assertThatThrownBy(() -> articles.insertOne(session, new Document("_id", 1)))
                .as("multi-document transaction")
                .isInstanceOf(MongoClientException.class)
                .hasMessageContaining("doesn't support sessions");
            assertThatThrownBy(() -> articles.find(session).first())
                .as("explicit session (causal consistency)")
                .isInstanceOf(MongoClientException.class)
                .hasMessageContaining("doesn't support sessions");
        }
        assertThat(articles.countDocuments()).as("nothing written by the refused transaction").isZero();
    }

    @Test
    void textSearchIsRefused() {
        MongoCollection<Document> articles = collection("text");
        articles.insertOne(new Document("_id", 1).append("body", "hello world"));
        assertThat(articles.createIndex(Indexes.text("body"))).as("text index is accepted").isEqualTo("body_text");
        assertThatThrownBy(() -> articles.find(Filters.text("hello")).first())
            .as("$text query")
            .isInstanceOfSatisfying(MongoQueryException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2))
            .hasMessageContaining("unknown operator: $search");
    }

    @Test
    void changeStreamsAreRefused() {
        MongoCollection<Document> articles = collection("watched");
        articles.insertOne(new Document("_id", 1));
        assertThatThrownBy(() -> articles.watch().cursor())
            .as("change stream on a collection (no oplog)")
            .isInstanceOf(MongoCommandException.class);
        assertThatThrownBy(() -> db.watch().cursor())
            .as("change stream on a database (no oplog)")
            .isInstanceOf(MongoCommandException.class);
    }

    @Test
    void nonUniqueIndexIsAcceptedButHoldsNothing() {
        MongoCollection<Document> articles = collection("secondary");
        for (int i = 0; i < 50; i++) {
            articles.insertOne(new Document("_id", i).append("tag", "t" + (i % 5)));
        }
        assertThat(articles.createIndex(Indexes.ascending("tag"))).as("non-unique index is accepted").isEqualTo("tag_1");
        assertThat(articles.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
            .as("and listed").contains("tag_1");
        Document indexSizes = db.runCommand(new Document("collStats", "secondary")).get("indexSize", Document.class);
        assertThat(indexSizes.get("tag_1", Number.class).longValue())
            .as("non-unique index holds no entries: queries on tag scan the collection").isZero();
        assertThat(articles.countDocuments(Filters.eq("tag", "t3"))).as("queries still answer (by scanning)").isEqualTo(10);
        assertThatThrownBy(() -> articles.find(Filters.eq("tag", "t3")).explain())
            .as("explain")
            .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(59));
    }

    @Test
    void uniqueAndCompoundUniqueIndexesAreEnforced() {
        MongoCollection<Document> users = collection("users");
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("tenant", "handle"), new IndexOptions().unique(true));
        users.insertOne(new Document("email", "a@example.org").append("tenant", 1).append("handle", "a"));
        users.insertOne(new Document("email", "b@example.org").append("tenant", 2).append("handle", "a"));

        assertThatThrownBy(() -> users.insertOne(new Document("email", "a@example.org").append("tenant", 3)))
            .as("unique index")
            .isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> users.insertOne(new Document("email", "c@example.org").append("tenant", 1).append("handle", "a")))
            .as("compound unique index")
            .isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(users.countDocuments()).isEqualTo(2);
    }

    @Test
    void partialFilterOfUniqueIndexIsIgnored() {
        MongoCollection<Document> articles = collection("partial");
        articles.createIndex(Indexes.ascending("slug"),
            new IndexOptions().unique(true).partialFilterExpression(Filters.eq("published", true)));
        articles.insertOne(new Document("slug", "draft").append("published", false));
        // MongoDB indexes only published documents and accepts a second draft with the same slug
        assertThatThrownBy(() -> articles.insertOne(new Document("slug", "draft").append("published", false)))
            .as("partial unique index: uniqueness enforced on all documents, not only on those matching the filter")
            .isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void collationIsAcceptedAndIgnored() {
        MongoCollection<Document> authors = collection("authors");
        authors.insertOne(new Document("_id", 1).append("name", "Alice"));
        Collation caseInsensitive = Collation.builder().locale("en").collationStrength(CollationStrength.SECONDARY).build();
        // MongoDB finds "Alice" for "alice" at strength 2; the embedded server compares binary and finds nothing
        assertThat(authors.find(Filters.eq("name", "alice")).collation(caseInsensitive).into(new ArrayList<>()))
            .as("collation on a query is silently ignored").isEmpty();
        assertThat(authors.find(Filters.regex("name", "^alice$", "i")).into(new ArrayList<>()))
            .as("case-insensitive $regex works").hasSize(1);
    }

    @Test
    void ttlIndexIsAcceptedAsAnEmptyIndex() {
        MongoCollection<Document> sessions = collection("sessions");
        sessions.insertOne(new Document("_id", 1).append("at", new java.util.Date(0)));
        assertThat(sessions.createIndex(Indexes.ascending("at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)))
            .as("TTL index is accepted").isEqualTo("at_1");
        Document indexSizes = db.runCommand(new Document("collStats", "sessions")).get("indexSize", Document.class);
        // like any non-unique index it is an empty placeholder; mongo-java-server has no TTL monitor either
        assertThat(indexSizes.get("at_1", Number.class).longValue()).as("TTL index holds no entries").isZero();
    }

    @Test
    void gridFsRoundTrip() {
        GridFSBucket media = GridFSBuckets.create(db, "media");
        byte[] data = new byte[1_000_000];
        new Random(42).nextBytes(data);
        ObjectId id = media.uploadFromStream("photo.jpg", new ByteArrayInputStream(data));
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        media.downloadToStream("photo.jpg", downloaded);
        assertThat(downloaded.toByteArray()).as("GridFS upload and download").isEqualTo(data);
        assertThat(media.find(Filters.eq("_id", id)).first().getLength()).isEqualTo(data.length);
        media.delete(id);
        assertThat(media.find(Filters.eq("_id", id)).first()).as("GridFS delete").isNull();
    }

    @Test
    void findOneAndUpdateWithInc() {
        MongoCollection<Document> counters = collection("counters");
        FindOneAndUpdateOptions upsertAfter = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        Document first = counters.findOneAndUpdate(Filters.eq("_id", "views"), Updates.inc("n", 1L), upsertAfter);
        Document second = counters.findOneAndUpdate(Filters.eq("_id", "views"), Updates.inc("n", 1L), upsertAfter);
        assertThat(first.getLong("n")).as("findOneAndUpdate $inc with upsert").isEqualTo(1L);
        assertThat(second.getLong("n")).as("findOneAndUpdate $inc returns the document after").isEqualTo(2L);
    }

    @Test
    void inLookups() {
        MongoCollection<Document> articles = collection("lookups");
        for (int i = 0; i < 20; i++) {
            articles.insertOne(new Document("_id", i).append("author", "a" + (i % 4)));
        }
        List<Integer> ids = articles.find(Filters.in("_id", 3, 7, 99)).map(document -> document.getInteger("_id"))
            .into(new ArrayList<>());
        assertThat(ids).as("$in on _id").containsExactlyInAnyOrder(3, 7);
        assertThat(articles.countDocuments(Filters.in("author", "a1", "a2"))).as("$in on another field").isEqualTo(10);
    }
}
