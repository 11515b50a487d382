package news.platform.embeddedmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of {@link EmbeddedMongoServer#startDurable}: a real child JVM serves the file, this JVM writes to it
 * through the driver, the child is killed with SIGKILL in the middle of the writes, and a new child on the same file
 * must return every write that was acknowledged.
 */
class EmbeddedMongoKillTest {

    private static final int GRIDFS_FILE_BYTES = 5 * 1024 * 1024;

    @TempDir
    Path dir;

    /** Digest of an uploaded GridFS file. */
    private record Upload(long length, String sha256) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9() throws Exception {
        Path file = dir.resolve("not-yet-created").resolve("mongodb.mv.db");
        Set<Integer> acknowledgedInserts = new ConcurrentSkipListSet<>();
        AtomicLong acknowledgedIncrements = new AtomicLong();
        Map<ObjectId, Upload> acknowledgedUploads = new ConcurrentHashMap<>();
        List<Future<Throwable>> writers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (ChildMongoProcess child = ChildMongoProcess.start(file, dir.resolve("child-1.log"));
             MongoClient client = client(child.connectionString())) {
            MongoDatabase db = client.getDatabase("news");
            MongoCollection<Document> articles = db.getCollection("articles");
            MongoCollection<Document> counters = db.getCollection("counters");
            GridFSBucket media = GridFSBuckets.create(db, "media");
            counters.insertOne(new Document("_id", "views").append("n", 0L));

            writers.add(pool.submit(() -> untilFailure(() -> {
                int id = acknowledgedInserts.size();
                articles.insertOne(new Document("_id", id).append("title", "article " + id).append("body", "b".repeat(300)));
                acknowledgedInserts.add(id);
            })));
            writers.add(pool.submit(() -> untilFailure(() -> {
                UpdateResult result = counters.updateOne(Filters.eq("_id", "views"), Updates.inc("n", 1L));
                assertThat(result.getMatchedCount()).isEqualTo(1);
                acknowledgedIncrements.incrementAndGet();
            })));
            writers.add(pool.submit(() -> untilFailure(() -> {
                byte[] data = randomBytes(acknowledgedUploads.size());
                ObjectId id = media.uploadFromStream("photo.jpg", new ByteArrayInputStream(data));
                acknowledgedUploads.put(id, new Upload(data.length, sha256(data)));
            })));

            await("writes acknowledged by the child").atMost(Duration.ofSeconds(60))
                .until(() -> acknowledgedInserts.size() >= 1_500 && acknowledgedIncrements.get() >= 500
                    && acknowledgedUploads.size() >= 3);
            child.kill(); // SIGKILL while all three writers are in their loops
            for (Future<Throwable> writer : writers) {
                assertThat(writer.get(60, TimeUnit.SECONDS)).as("each writer stops on a driver error")
                    .isInstanceOf(MongoException.class);
            }
        } finally {
            pool.shutdownNow();
        }

        try (ChildMongoProcess child = ChildMongoProcess.start(file, dir.resolve("child-2.log"));
             MongoClient client = patientClient(child.connectionString())) {
            MongoDatabase db = client.getDatabase("news");
            Set<Integer> found = new TreeSet<>();
            db.getCollection("articles").find().projection(Projections.include("_id"))
                .forEach(document -> found.add(document.getInteger("_id")));
            assertThat(found).as("acknowledged inserts after kill -9").containsAll(acknowledgedInserts);
            assertThat(found.size() - acknowledgedInserts.size()).as("inserts applied but not acknowledged (in flight)")
                .isBetween(0, 1);

            long views = db.getCollection("counters").find(Filters.eq("_id", "views")).first().getLong("n");
            assertThat(views).as("$inc after kill -9: every acknowledged one, at most one in flight more")
                .isBetween(acknowledgedIncrements.get(), acknowledgedIncrements.get() + 1);

            GridFSBucket media = GridFSBuckets.create(db, "media");
            for (Map.Entry<ObjectId, Upload> upload : acknowledgedUploads.entrySet()) {
                GridFSFile stored = media.find(Filters.eq("_id", upload.getKey())).first();
                assertThat(stored).as("GridFS file %s after kill -9", upload.getKey()).isNotNull();
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                media.downloadToStream(upload.getKey(), content);
                assertThat(new Upload(content.size(), sha256(content.toByteArray())))
                    .as("GridFS file %s: length and SHA-256", upload.getKey()).isEqualTo(upload.getValue());
                assertThat(stored.getLength()).isEqualTo(upload.getValue().length());
            }

            // the file is usable: writes go on where they stopped
            db.getCollection("articles").insertOne(new Document("_id", -1));
            assertThat(db.getCollection("articles").countDocuments()).isEqualTo(found.size() + 1L);

            // and it is locked while the child has it open: a second server on the same file fails with the file name
            assertThatThrownBy(() -> EmbeddedMongoServer.startDurable(file))
                .isInstanceOf(EmbeddedMongoFileLockedException.class)
                .hasMessageContaining(file.toString());

            System.out.printf("kill -9: %d inserts, %d $inc, %d x 5 MB GridFS acknowledged; all found after restart%n",
                acknowledgedInserts.size(), acknowledgedIncrements.get(), acknowledgedUploads.size());
        }
    }

    /**
     * Repeated updates of the same documents must not grow the file: with a commit per write and MVStore's defaults
     * (old chunks kept 45 s, no compaction) each of these updates added about 17 KB, 5,000 of them about 85 MB
     * (EmbeddedMongoBenchmark, docs/embedded-mongodb.md).
     */
    @Test
    void repeatedUpdatesOfTheSameDocumentsKeepTheFileBounded() throws Exception {
        Path file = dir.resolve("bounded.mv.db");
        long afterInserts;
        long afterUpdates;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(file);
             MongoClient client = patientClient(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("news").getCollection("counters");
            for (int i = 0; i < 100; i++) {
                counters.insertOne(new Document("_id", i).append("n", 0L).append("body", "b".repeat(1_000)));
            }
            afterInserts = Files.size(file);
            for (int i = 0; i < 5_000; i++) {
                counters.updateOne(Filters.eq("_id", i % 100), Updates.inc("n", 1L));
            }
            afterUpdates = Files.size(file);
            assertThat(counters.find(Filters.eq("_id", 7)).first().getLong("n")).isEqualTo(50L);
        }
        long afterClose = Files.size(file);
        System.out.printf("100 documents: %.2f MB; after 5,000 $inc: %.2f MB; after close: %.2f MB%n",
            afterInserts / 1e6, afterUpdates / 1e6, afterClose / 1e6);
        // 100 documents of 1 KB are about 0.1 MB of live data. Replaced chunks are reused at once (retention time 0),
        // so the file holds the live data plus the chunks of the last few commits and free space left between them.
        // 8 MB is more than 10 times what was measured, and a tenth of the unbounded growth.
        assertThat(afterUpdates).as("file size after 5,000 updates of the same 100 documents").isLessThan(8_000_000L);
        // a clean close rewrites a sparse file: what is left is about the live data
        assertThat(afterClose).as("file size after close").isLessThanOrEqualTo(Math.max(afterUpdates, 1_000_000L));

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(file);
             MongoClient client = patientClient(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("news").getCollection("counters");
            assertThat(counters.countDocuments()).isEqualTo(100);
            assertThat(counters.find(Filters.eq("_id", 99)).first().getLong("n")).isEqualTo(50L);
        }
    }

    /** Fails fast once the server is gone, so the writers stop right after the kill. */
    private static MongoClient client(String connectionString) {
        return client(connectionString, 2);
    }

    /** Reading back after a restart may wait for a busy machine to reopen the file. */
    private static MongoClient patientClient(String connectionString) {
        return client(connectionString, 60);
    }

    private static MongoClient client(String connectionString, int timeoutSeconds) {
        return MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(connectionString))
            .retryWrites(false)
            .retryReads(false)
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutSeconds, TimeUnit.SECONDS))
            .applyToSocketSettings(socket -> socket.connectTimeout(timeoutSeconds, TimeUnit.SECONDS))
            .build());
    }

    /** Runs {@code write} until it throws; returns what it threw. */
    private static Throwable untilFailure(ThrowingRunnable write) {
        while (true) {
            try {
                write.run();
            } catch (Throwable e) {
                return e;
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static byte[] randomBytes(long seed) {
        byte[] data = new byte[GRIDFS_FILE_BYTES];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
