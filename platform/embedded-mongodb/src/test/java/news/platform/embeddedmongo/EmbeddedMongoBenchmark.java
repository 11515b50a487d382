package news.platform.embeddedmongo;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Measures insert rate, file growth, reopen time and kill -9 losses of the stock H2 backend, a commit-per-command
 * backend without compaction, and {@link EmbeddedMongoServer#startDurable}. Not a test (Surefire runs *Test classes
 * only); run by hand from the repository root, figures in docs/embedded-mongodb.md:
 *
 * <pre>
 * mvn -B -q -pl platform/embedded-mongodb test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=$PWD/platform/embedded-mongodb/target/test-classpath.txt -Dmdep.includeScope=test
 * cd platform/embedded-mongodb
 * java -cp "$(cat target/test-classpath.txt):target/classes:target/test-classes" \
 *   news.platform.embeddedmongo.EmbeddedMongoBenchmark /tmp/emb-bench
 * </pre>
 */
public final class EmbeddedMongoBenchmark {

    private static final int INSERTS = 5_000;
    private static final int HOT_DOCUMENTS = 100;
    private static final int UPDATES = 5_000;
    private static final int GRIDFS_FILES = 20;
    private static final int GRIDFS_FILE_BYTES = 5 * 1024 * 1024;

    private EmbeddedMongoBenchmark() {
    }

    /** The backend a variant runs on. */
    private record Variant(String name, Function<Path, AutoCloseable> start, Function<AutoCloseable, String> uri) {
    }

    /** Commit after every command, MVStore defaults otherwise (replaced chunks kept 45 s, so nothing is reused or compacted while writing). */
    static final class CommitEveryCommandBackend extends H2Backend {
        CommitEveryCommandBackend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commit();
            }
        }
    }

    private static AutoCloseable mongoServer(H2Backend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return new AutoCloseable() {
            @Override
            public void close() {
                server.shutdownNow();
            }

            @Override
            public String toString() {
                return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            }
        };
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        Files.createDirectories(dir);
        List<Variant> variants = List.of(
            new Variant("stock H2Backend(file)", file -> mongoServer(new H2Backend(file.toString())), Object::toString),
            new Variant("commit per command, no compaction",
                file -> mongoServer(new CommitEveryCommandBackend(file.toString())), Object::toString),
            new Variant("EmbeddedMongoServer.startDurable", EmbeddedMongoServer::startDurable,
                server -> ((EmbeddedMongoServer) server).connectionString()));
        System.out.printf("java %s, %d cores%n", System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        for (Variant variant : variants) {
            // first pass warms up the JIT of both client and server code, second pass is the one reported
            for (String pass : List.of("warm-up", "measured")) {
                run(variant, pass, dir.resolve(variant.name().replaceAll("[^A-Za-z]+", "-") + ".mv.db"));
            }
        }
        killLoss(dir, "stock");
        killLoss(dir, "durable");
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .retryWrites(false)
            .applyToClusterSettings(b -> b.serverSelectionTimeout(2, TimeUnit.SECONDS))
            .build());
    }

    private static void run(Variant variant, String pass, Path file) throws Exception {
        Files.deleteIfExists(file);
        System.out.printf("%n== %s, %s pass (%s)%n", variant.name(), pass, file);
        AutoCloseable server = variant.start().apply(file);
        try (MongoClient client = client(variant.uri().apply(server))) {
            MongoDatabase db = client.getDatabase("bench");
            MongoCollection<org.bson.Document> articles = db.getCollection("articles");
            articles.insertOne(new org.bson.Document("_id", -1)); // creates the collection and its _id index
            long sizeBefore = Files.size(file);
            String body = "x".repeat(200);
            long t0 = System.nanoTime();
            for (int i = 0; i < INSERTS; i++) {
                articles.insertOne(new org.bson.Document("_id", i).append("title", "article " + i).append("body", body));
            }
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            long sizeAfterInserts = Files.size(file);
            System.out.printf("inserts: %d in %.2f s = %.0f/s; file %s -> %s (%.1f KB per insert)%n", INSERTS,
                insertSeconds, INSERTS / insertSeconds, mb(sizeBefore), mb(sizeAfterInserts),
                (sizeAfterInserts - sizeBefore) / 1024.0 / INSERTS);

            MongoCollection<org.bson.Document> counters = db.getCollection("counters");
            for (int i = 0; i < HOT_DOCUMENTS; i++) {
                counters.insertOne(new org.bson.Document("_id", i).append("n", 0).append("body", body));
            }
            long sizeBeforeUpdates = Files.size(file);
            t0 = System.nanoTime();
            for (int i = 0; i < UPDATES; i++) {
                counters.updateOne(Filters.eq("_id", i % HOT_DOCUMENTS), Updates.inc("n", 1));
            }
            double updateSeconds = (System.nanoTime() - t0) / 1e9;
            long sizeAfterUpdates = Files.size(file);
            System.out.printf("updates: %d $inc on %d documents in %.2f s = %.0f/s; file %s -> %s (%.1f KB per update)%n",
                UPDATES, HOT_DOCUMENTS, updateSeconds, UPDATES / updateSeconds, mb(sizeBeforeUpdates),
                mb(sizeAfterUpdates), (sizeAfterUpdates - sizeBeforeUpdates) / 1024.0 / UPDATES);

            GridFSBucket bucket = GridFSBuckets.create(db);
            byte[] data = new byte[GRIDFS_FILE_BYTES];
            new Random(1).nextBytes(data);
            t0 = System.nanoTime();
            for (int i = 0; i < GRIDFS_FILES; i++) {
                bucket.uploadFromStream("file-" + i, new ByteArrayInputStream(data));
            }
            double gridSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("gridfs: %d x 5 MB in %.2f s = %.1f MB/s; file %s%n", GRIDFS_FILES, gridSeconds,
                GRIDFS_FILES * 5 / gridSeconds, mb(Files.size(file)));

            MongoCollection<org.bson.Document> comments = db.getCollection("comments");
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            t0 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int first = thread * INSERTS;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < first + INSERTS; i++) {
                        comments.insertOne(new org.bson.Document("_id", i).append("body", body));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            double concurrentSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("inserts from %d threads: %d in %.2f s = %.0f/s; file %s%n", threads, threads * INSERTS,
                concurrentSeconds, threads * INSERTS / concurrentSeconds, mb(Files.size(file)));
            if (pass.equals("measured")) {
                Thread.sleep(6_000);
                System.out.printf("after 6 s without writes: file %s%n", mb(Files.size(file)));
            }
        } finally {
            long t0 = System.nanoTime();
            server.close();
            System.out.printf("close: %.2f s; file %s%n", (System.nanoTime() - t0) / 1e9, mb(Files.size(file)));
        }
        long t0 = System.nanoTime();
        AutoCloseable reopened = variant.start().apply(file);
        try (MongoClient client = client(variant.uri().apply(reopened))) {
            long count = client.getDatabase("bench").getCollection("articles").countDocuments();
            System.out.printf("reopen of %s and count (%d): %.2f s%n", mb(Files.size(file)), count,
                (System.nanoTime() - t0) / 1e9);
        } finally {
            reopened.close();
        }
    }

    /**
     * In a child JVM: uploads 20 x 5 MB to GridFS, inserts one document at a time for 3 s, kills the child with SIGKILL,
     * restarts it on the same file (timed until a count answers) and counts lost acknowledged inserts.
     */
    private static void killLoss(Path dir, String mode) throws Exception {
        Path file = dir.resolve("kill-" + mode + ".mv.db");
        Files.deleteIfExists(file);
        int acknowledged = 0;
        long started = System.nanoTime();
        try (ChildMongoProcess child = ChildMongoProcess.start(file, dir.resolve("kill-" + mode + ".log"), mode);
             MongoClient client = client(child.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            db.runCommand(new org.bson.Document("ping", 1));
            System.out.printf("%nkill -9 (%s): child started on a new file in %.1f s%n", mode,
                (System.nanoTime() - started) / 1e9);
            GridFSBucket bucket = GridFSBuckets.create(db);
            byte[] data = new byte[GRIDFS_FILE_BYTES];
            new Random(1).nextBytes(data);
            for (int i = 0; i < GRIDFS_FILES; i++) {
                bucket.uploadFromStream("file-" + i, new ByteArrayInputStream(data));
            }
            MongoCollection<org.bson.Document> articles = db.getCollection("articles");
            long stopAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < stopAt) {
                articles.insertOne(new org.bson.Document("_id", acknowledged).append("body", "x".repeat(200)));
                acknowledged++;
            }
            child.kill();
        }
        long size = Files.size(file);
        started = System.nanoTime();
        try (ChildMongoProcess child = ChildMongoProcess.start(file, dir.resolve("kill-" + mode + "-2.log"), mode);
             MongoClient client = client(child.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            long found = db.getCollection("articles").countDocuments(Filters.lt("_id", acknowledged));
            double restart = (System.nanoTime() - started) / 1e9;
            long files = db.getCollection("fs.files").countDocuments();
            System.out.printf("kill -9 (%s): %d acknowledged inserts, %d found after restart, %d lost; %d of %d GridFS files;"
                + " restart on the %s file until the count answered: %.1f s%n", mode, acknowledged, found,
                acknowledged - found, files, GRIDFS_FILES, mb(size), restart);
        }
    }

    private static String mb(long bytes) {
        return "%.2f MB".formatted(bytes / 1e6);
    }
}
