package news.platform.textanalysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyser in a real Lucene index, queried the way the platform's searches query it (every
 * word of the query required, as term queries of the analysed words): what people type finds what
 * the newsroom wrote.
 */
class CroatianSearchTest {

	private final CroatianAnalyzer analyzer = new CroatianAnalyzer();

	private Directory directory;

	@BeforeEach
	void index() throws IOException {
		this.directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(this.directory, new IndexWriterConfig(this.analyzer))) {
			add(writer, "most", "Most u Čačku");
			add(writer, "lovci", "Lovci iz Karlovca na sajmu u Zadru");
			add(writer, "petak", "Svibanjski petak: otvorenje ljetne sezone");
			add(writer, "svibanj", "U svibnju ministri dolaze u Sisak");
			add(writer, "mostovi", "Mostovi na Savi");
			add(writer, "korak", "Korak po korak do novog centra");
		}
	}

	@AfterEach
	void close() throws IOException {
		this.directory.close();
	}

	@Test
	void cacakMostFindsTheBridgeInCacak() throws IOException {
		assertThat(search("cacak most")).containsExactly("most");
		assertThat(search("Čačak")).containsExactly("most");
		assertThat(search("čačku")).containsExactly("most");
		assertThat(search("mostu")).containsExactlyInAnyOrder("most", "mostovi");
	}

	@Test
	void nominativeQueriesFindInflectedText() throws IOException {
		assertThat(search("lovac karlovac zadar")).containsExactly("lovci");
		assertThat(search("svibanj ministar sisku")).containsExactly("svibanj");
		assertThat(search("koraci centar")).containsExactly("korak");
		assertThat(search("petak")).containsExactly("petak");
	}

	@Test
	void everyWordMustMatch() throws IOException {
		assertThat(search("most zadar")).isEmpty();
		assertThat(search("i u na")).as("stop words only: no query").isEmpty();
	}

	private static void add(IndexWriter writer, String id, String text) throws IOException {
		Document doc = new Document();
		doc.add(new StringField("id", id, Field.Store.YES));
		doc.add(new TextField("text", text, Field.Store.NO));
		writer.addDocument(doc);
	}

	private List<String> search(String query) throws IOException {
		List<String> terms = this.analyzer.terms("text", query, 32);
		if (terms.isEmpty()) {
			return List.of();
		}
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		terms.forEach(term -> builder.add(new TermQuery(new Term("text", term)), Occur.MUST));
		try (DirectoryReader reader = DirectoryReader.open(this.directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			List<String> ids = new ArrayList<>();
			for (ScoreDoc hit : searcher.search(builder.build(), 10).scoreDocs) {
				ids.add(searcher.storedFields().document(hit.doc).get("id"));
			}
			return ids;
		}
	}

}
