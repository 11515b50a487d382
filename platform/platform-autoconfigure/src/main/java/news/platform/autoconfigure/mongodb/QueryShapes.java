package news.platform.autoconfigure.mongodb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import org.bson.Document;

/**
 * Every query the service sends to MongoDB, by shape (the filtered fields and the sort), beside
 * the named indexes each store declares. A test compares the two, so a new query without an index
 * fails the build rather than scanning in production.
 */
public final class QueryShapes {

	private final Map<String, List<DeclaredIndex>> indexes = new ConcurrentHashMap<>();

	private final List<QueryShape> shapes = Collections.synchronizedList(new ArrayList<>());

	/** Declares and creates the named indexes of one collection. */
	public void createIndexes(MongoCollection<Document> collection, DeclaredIndex... declared) {
		List<IndexModel> models = new ArrayList<>();
		for (DeclaredIndex index : declared) {
			Document keys = new Document();
			index.keys().forEach(key -> keys.append(key, 1));
			IndexOptions options = new IndexOptions().name(index.name()).unique(index.unique());
			if (index.sparse()) {
				options.sparse(true);
			}
			models.add(new IndexModel(keys, options));
			this.indexes.computeIfAbsent(collection.getNamespace().getCollectionName(),
					name -> Collections.synchronizedList(new ArrayList<>()))
				.add(index);
		}
		if (!models.isEmpty()) {
			collection.createIndexes(models);
		}
	}

	public void register(String collection, List<String> filterFields, List<String> sortFields, String usesIndex) {
		this.shapes.add(new QueryShape(collection, List.copyOf(filterFields), List.copyOf(sortFields), usesIndex));
	}

	public List<QueryShape> shapes() {
		return List.copyOf(this.shapes);
	}

	public List<DeclaredIndex> indexes(String collection) {
		return List.copyOf(this.indexes.getOrDefault(collection, List.of()));
	}

	/** {@code _id} needs no declaration: every collection has it, and equality on it is a key lookup. */
	public boolean covered(QueryShape shape) {
		if ("_id_".equals(shape.usesIndex()) && !shape.filterFields().isEmpty()
				&& shape.filterFields().get(0).equals("_id")) {
			return true;
		}
		// reading a whole (small) collection in batch work needs no index
		if (shape.filterFields().isEmpty() && shape.sortFields().isEmpty()) {
			return true;
		}
		List<String> needed = new ArrayList<>(shape.filterFields());
		for (String sort : shape.sortFields()) {
			if (!needed.contains(sort)) {
				needed.add(sort);
			}
		}
		if (needed.equals(List.of("_id"))) {
			return true;
		}
		for (DeclaredIndex index : indexes(shape.collection())) {
			if (index.name().equals(shape.usesIndex()) && index.keys().size() >= needed.size()
					&& index.keys().subList(0, needed.size()).containsAll(needed)) {
				return true;
			}
		}
		return false;
	}

	/** The registered shapes that no declared index covers: what the coverage test fails on. */
	public List<QueryShape> uncovered() {
		return shapes().stream().filter(shape -> !covered(shape)).toList();
	}

	/**
	 * On a real MongoDB: the shapes whose index is missing on the server or that the query planner
	 * does not use (by {@code explain}). The embedded server ignores secondary indexes, so there
	 * the answer means nothing; callers ask only a real server.
	 */
	public List<String> notUsedBy(MongoDatabase database) {
		List<String> problems = new ArrayList<>();
		for (QueryShape shape : shapes()) {
			if (shape.usesIndex().equals("_id_") || shape.filterFields().isEmpty()) {
				continue;
			}
			List<String> names = new ArrayList<>();
			database.getCollection(shape.collection()).listIndexes().forEach(index -> names.add(index.getString("name")));
			if (!names.contains(shape.usesIndex())) {
				problems.add(shape + ": index " + shape.usesIndex() + " does not exist (there: " + names + ")");
				continue;
			}
			Document filter = new Document();
			shape.filterFields().forEach(field -> filter.append(field, "x"));
			Document explain = database.runCommand(
					new Document("explain", new Document("find", shape.collection()).append("filter", filter)));
			if (!explain.toJson().contains(shape.usesIndex())) {
				problems.add(shape + ": the plan does not use " + shape.usesIndex());
			}
		}
		return problems;
	}

	public record DeclaredIndex(String name, List<String> keys, boolean unique, boolean sparse) {

		public static DeclaredIndex unique(String name, String... keys) {
			return new DeclaredIndex(name, List.of(keys), true, false);
		}

		public static DeclaredIndex of(String name, String... keys) {
			return new DeclaredIndex(name, List.of(keys), false, false);
		}

		public static DeclaredIndex sparse(String name, String... keys) {
			return new DeclaredIndex(name, List.of(keys), false, true);
		}

	}

	public record QueryShape(String collection, List<String> filterFields, List<String> sortFields,
			String usesIndex) {
	}

}
