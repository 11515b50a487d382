package news.platform.embeddedmongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An H2 collection that reads by key when a query names a unique index's keys among others.
 * <p>
 * mongo-java-server 1.47 uses an index only when the query's top-level keys are exactly the index's keys
 * ({@code AbstractUniqueIndex.canHandle}), so the conditional writes every service makes ({@code {_id, revision}}:
 * replace the version I read) scanned the whole collection, deserialising each document from the file, under the
 * collection's lock. With 10,000 stories that was about 0.4 s per autosave, and every other command on the collection
 * waited behind it. Here such a query looks up the unique index with the keys it names and applies the whole query to
 * the documents found, which is what the scan would have matched.
 */
final class KeyedH2Collection extends H2Collection {

    /** Queries answered by reading every document of a collection, in this process: tests and diagnostics. */
    private static final LongAdder FULL_SCANS = new LongAdder();

    /** The unique indexes, as added; created on first use because the constructor above adds the {@code _id} one. */
    private List<Index<Object>> uniqueIndexes;

    KeyedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    static long fullScans() {
        return FULL_SCANS.sum();
    }

    @Override
    public synchronized void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index.isUnique()) {
            if (uniqueIndexes == null) {
                uniqueIndexes = new ArrayList<>();
            }
            uniqueIndexes.removeIf(known -> known.getName().equals(index.getName()));
            uniqueIndexes.add(index);
        }
    }

    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
        if (uniqueIndexes != null) {
            uniqueIndexes.removeIf(known -> known.getName().equals(indexName));
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (uniqueIndexes != null && uniqueIndexes.stream().noneMatch(index -> index.canHandle(query))) {
            Map<String, Object> conditions = new HashMap<>();
            Set<String> repeated = new HashSet<>();
            collect(query, conditions, repeated);
            for (Index<Object> index : uniqueIndexes) {
                Document byKeys = keysOf(index, conditions, repeated);
                if (byKeys != null && index.canHandle(byKeys)) {
                    return matchDocuments(query, index.getPositions(byKeys), orderBy, numberToSkip, limit, batchSize,
                        fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The part of the query on the index's keys, or {@code null} when it does not name all of them. The driver sends
     * {@code Filters.and(eq("_id", id), eq("revision", r))} as {@code {$and: [{_id: id}, {revision: r}]}}, so the
     * conditions inside a top-level {@code $and} count as the query's own.
     */
    private static Document keysOf(Index<Object> index, Map<String, Object> conditions, Set<String> repeated) {
        Document byKeys = new Document();
        for (IndexKey key : index.getKeys()) {
            String field = key.getKey();
            if (!conditions.containsKey(field) || repeated.contains(field)) {
                return null;
            }
            byKeys.put(field, conditions.get(field));
        }
        return byKeys;
    }

    /** The field conditions every match must meet: the query's own and those of its {@code $and}s. */
    private static void collect(Document query, Map<String, Object> conditions, Set<String> repeated) {
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        collect(document, conditions, repeated);
                    }
                }
            } else if (!field.startsWith("$") && conditions.putIfAbsent(field, condition) != null) {
                // two conditions on one field: leave it to the scan rather than pick one
                repeated.add(field);
            }
        });
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        FULL_SCANS.increment();
        return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

}
