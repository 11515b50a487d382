package news.platform.embeddedmongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.RandomAccessStore;

/**
 * An {@link H2Backend} whose acknowledged writes survive a killed process, on a file of bounded size.
 * <p>
 * <b>Durability.</b> Stock {@code H2Backend(file)} leaves writing to the MVStore background thread, which commits
 * about once a second; what was acknowledged in that second is lost by {@code kill -9}. This backend opens the store
 * with auto-commit off and commits in the thread that handled a write command, after the command and before
 * mongo-java-server sends the reply. With auto-commit off the MVStore has no background executors, so
 * {@link MVStore#commit()} writes the new chunk in the calling thread and returns once it is in the operating system's
 * hands (a positional write on the file channel, no {@code fsync}): that survives a killed process, not an OS crash.
 * <p>
 * <b>File size.</b> Every commit writes a new chunk (changed pages up to the root, about 3 to 7 KB for a small
 * insert). MVStore keeps replaced chunks for a retention time of 45 s by default, which at a thousand commits a second
 * grows the file by tens of MB a minute. Here the retention time is 0: a chunk whose pages have all been replaced is
 * reused as soon as no command can still read it (each command pins the store version it reads with
 * {@link MVStore#registerVersionUsage()}). Chunks that stay partly live are handled by a compaction daemon (see
 * {@link CompactionPolicy}), and a clean {@link #close()} rewrites a sparse file into a fresh one.
 */
final class DurableH2Backend extends H2Backend {

    private static final Log log = LogFactory.getLog(DurableH2Backend.class);

    /**
     * Commands that change data, as dispatched by mongo-java-server 1.47 ({@code AbstractMongoBackend.handleCommand},
     * {@code AbstractMongoDatabase.handleCommand}); every other command it accepts only reads. Lower case.
     */
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create",
        "createindexes", "drop", "dropindexes", "deleteindexes", "dropdatabase", "renamecollection", "collmod");

    /** Live data one compaction step copies out of sparse chunks into a new chunk. */
    private static final int REWRITE_BYTES_PER_STEP = 2 << 20;

    /** Chunk data one compaction step moves from the end of the file into free space. */
    private static final int MOVE_BYTES_PER_STEP = 8 << 20;

    /** On close, rewrite the file when live data fills less than this share of it (percent). */
    private static final int CLOSE_REWRITE_BELOW_PERCENT = 80;

    /**
     * When and how hard the daemon compacts. "Live share" is the chunk fill rate (live bytes of the chunks) times the
     * file fill rate (chunk blocks of the file), in percent.
     *
     * @param interval how often the daemon looks; {@link Duration#ZERO} for no daemon
     * @param minFileBytes leave files smaller than this alone
     * @param idleTarget with no write since the last look, compact until the live share reaches this
     * @param idleMillis time for one idle compaction run
     * @param busyTrigger while writes go on, compact only when the live share is below this
     * @param busyMillis time for one compaction run while writes go on (they wait for each step's lock)
     */
    record CompactionPolicy(Duration interval, long minFileBytes, int idleTarget, long idleMillis, int busyTrigger,
                            long busyMillis) {

        static final CompactionPolicy DEFAULT =
            new CompactionPolicy(Duration.ofSeconds(1), 4 << 20, 80, 500, 25, 100);

        static final CompactionPolicy NONE = new CompactionPolicy(Duration.ZERO, Long.MAX_VALUE, 0, 0, 0, 0);
    }

    private final MVStore store;
    private final Path file;
    private final CompactionPolicy policy;
    private final ScheduledExecutorService compactor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong compactionRuns = new AtomicLong();
    private final AtomicLong compactionNanos = new AtomicLong();
    private long commitsAtLastLook = -1;

    private DurableH2Backend(MVStore store, Path file, CompactionPolicy policy) {
        super(store);
        this.store = store;
        this.file = file;
        this.policy = policy;
        // Replaced chunks may be overwritten at once. The 45 s default guards against file systems that reorder
        // writes in an OS crash; a killed process loses no write that returned. Commands pin what they read.
        store.setRetentionTime(0);
        if (policy.interval().isZero()) {
            this.compactor = null;
        } else {
            this.compactor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "embedded-mongodb-compactor");
                thread.setDaemon(true);
                return thread;
            });
            long millis = policy.interval().toMillis();
            compactor.scheduleWithFixedDelay(this::compactInBackground, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens (or creates) the store in {@code file} with the default compaction policy.
     *
     * @throws EmbeddedMongoFileLockedException if another process (or this one) has the file open
     */
    static DurableH2Backend open(Path file) {
        return open(file, CompactionPolicy.DEFAULT);
    }

    static DurableH2Backend open(Path file, CompactionPolicy policy) {
        MVStore store;
        try {
            store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new EmbeddedMongoFileLockedException(file, e);
            }
            throw e;
        }
        try {
            // left by a rewrite on close that was killed; we hold the file lock, so nobody is rewriting now
            Files.deleteIfExists(tempFile(file));
            return new DurableH2Backend(store, file, policy);
        } catch (IOException | RuntimeException e) {
            store.closeImmediately();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static Path tempFile(Path file) {
        // the name MVStoreTool.compact(String, boolean) writes to
        return Path.of(file + ".tempFile");
    }

    /** Collections that read by key when a query names a unique index's keys among others ({@link KeyedH2Collection}). */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new KeyedH2Database(databaseName);
    }

    /**
     * An H2 database of {@link KeyedH2Collection}s. An inner class because H2Database's constructor opens the existing
     * collections before a subclass could set a field, and H2Backend's constructor opens the databases before
     * DurableH2Backend's fields are set: the enclosing backend's getMvStore() is there from the start.
     */
    private final class KeyedH2Database extends H2Database {

        // the map names H2Database (mongo-java-server 1.47) gives a collection's documents and metadata: the same
        // names, so files written before keep opening (EmbeddedMongoKillTest, the services' data under ./data)
        private static final String DATA_PREFIX = "databases.";
        private static final String META_PREFIX = "meta.";

        KeyedH2Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(DATA_PREFIX + namespace);
            MVMap<String, Object> metaMap = getMvStore().openMap(META_PREFIX + namespace);
            return new KeyedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        // pin the store version the command reads: with retention time 0, chunks it may still read stay put
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // also after a failed command: an ordered insert batch that stops at a duplicate key keeps the
                // documents before it, and the error reply reports them as written
                if (isWrite(command, query)) {
                    commit();
                }
            }
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    /** Legacy OP_QUERY reads (current drivers send everything as commands): pinned like commands. */
    @Override
    public QueryResult handleQuery(MongoQuery query) {
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            return super.handleQuery(query);
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (WRITE_COMMANDS.contains(name)) {
            return true;
        }
        // aggregate writes only through $out and $merge
        if (name.equals("aggregate") && query.get("pipeline") instanceof List<?> pipeline) {
            for (Object stage : pipeline) {
                if (stage instanceof Map<?, ?> map && (map.containsKey("$out") || map.containsKey("$merge"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes the changes to the file; returns once they are in the operating system's hands. */
    @Override
    public void commit() {
        // takes the store lock; if another thread's commit already wrote our changes, it had finished writing
        // before it released the lock
        store.commit();
        commits.incrementAndGet();
    }

    private void compactInBackground() {
        try {
            long commitsNow = commits.get();
            boolean idle = commitsNow == commitsAtLastLook;
            commitsAtLastLook = commitsNow;
            if (closed.get() || store.isClosed() || store.getFileStore().size() < policy.minFileBytes()) {
                return;
            }
            int live = liveShare();
            if (idle && live < policy.idleTarget()) {
                compact(policy.idleTarget(), policy.idleMillis());
            } else if (live < policy.busyTrigger()) {
                compact(policy.busyTrigger(), policy.busyMillis());
            }
        } catch (RuntimeException e) {
            if (!closed.get()) {
                log.warn("Compaction of the embedded MongoDB file " + file + " failed", e);
            }
        }
    }

    /** Percent of the file that holds live data: chunk fill rate times file fill rate. */
    int liveShare() {
        return store.getFileStore().getChunksFillRate() * store.getFillRate() / 100;
    }

    /**
     * Compacts in short steps until the live share reaches {@code target}, nothing moves, or time is up.
     *
     * @return whether anything changed
     */
    boolean compact(int target, long maxMillis) {
        long started = System.nanoTime();
        long deadline = started + maxMillis * 1_000_000;
        boolean changed = false;
        while (!store.isClosed() && liveShare() < target && compactStep(target)) {
            changed = true;
            if (System.nanoTime() - deadline > 0) {
                break;
            }
        }
        if (changed) {
            compactionRuns.incrementAndGet();
        }
        compactionNanos.addAndGet(System.nanoTime() - started);
        return changed;
    }

    /**
     * One bounded step; each part takes the store lock once, so a write waits for at most one part.
     * <ol>
     * <li>Chunk fill rate below target: copy up to {@link #REWRITE_BYTES_PER_STEP} of live pages out of the sparsest
     * chunks into a new one and commit; the old chunks then hold nothing live and their space is free.</li>
     * <li>File fill rate below target: move up to {@link #MOVE_BYTES_PER_STEP} of chunks from the end of the file
     * into free space and cut the file.</li>
     * </ol>
     */
    private boolean compactStep(int target) {
        FileStore<?> fileStore = store.getFileStore();
        boolean changed = false;
        if (fileStore.getChunksFillRate() < target && store.compact(100, REWRITE_BYTES_PER_STEP)) {
            store.commit();
            changed = true;
        }
        if (store.getFillRate() < target && fileStore instanceof RandomAccessStore randomAccessStore) {
            // moving may first append at the end of the file; count it as progress when the file got denser
            long sizeBefore = fileStore.size();
            int fillRateBefore = store.getFillRate();
            randomAccessStore.compactMoveChunks(target, MOVE_BYTES_PER_STEP, store);
            changed |= fileStore.size() < sizeBefore || store.getFillRate() > fillRateBefore;
        }
        return changed;
    }

    long commitCount() {
        return commits.get();
    }

    long compactionRuns() {
        return compactionRuns.get();
    }

    Duration compactionTime() {
        return Duration.ofNanos(compactionNanos.get());
    }

    MVStore store() {
        return store;
    }

    /** Stops the daemon, closes the store cleanly, and rewrites the file into a fresh one if it is sparse. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (compactor != null) {
            compactor.shutdownNow();
            try {
                compactor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean sparse = !store.isClosed() && liveShare() < CLOSE_REWRITE_BELOW_PERCENT;
        super.close();
        if (sparse) {
            rewrite();
        }
    }

    /**
     * Copies the live pages into a new file and renames it over the old one (MVStore's offline compaction; a kill
     * in between leaves the old file and a temp file that the next open deletes).
     */
    private void rewrite() {
        try {
            long before = Files.size(file);
            long started = System.nanoTime();
            MVStoreTool.compact(file.toString(), false);
            if (log.isDebugEnabled()) {
                log.debug("Rewrote %s: %.1f MB -> %.1f MB in %d ms".formatted(file, before / 1e6, Files.size(file) / 1e6,
                    (System.nanoTime() - started) / 1_000_000));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not compact the embedded MongoDB file " + file + " on close; it stays as it is", e);
        }
    }
}
