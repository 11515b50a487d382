package news.platform.site;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSS and Atom read with ROME; the sitemap index and a monthly sitemap validated against the
 * sitemaps.org schemas committed under src/test/resources/sitemaps (from sitemapgen4j 1.1.2; the
 * validation never fetches anything); the Google News sitemap element by element.
 */
class FeedsTest extends SiteTest {

	private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	@Test
	void rssAndAtomListTheSitesStoriesAndNoDraft() throws Exception {
		ServicesStub.Story story = published("sport", "Feed: košarkaši prvaci");
		services.draft(unique("id"), unique("nacrt"), "sport", "Feed: nacrt koji se ne vidi", null, "Tekst.");
		for (String path : new String[] { "/rss", "/atom", "/rss/sport", "/atom/sport" }) {
			Http.Response response = get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.header("Cache-Control")).startsWith("public");
			SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
			assertThat(feed.getFeedType()).startsWith(path.startsWith("/rss") ? "rss_2.0" : "atom_1.0");
			List<String> titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
			assertThat(titles).as(path).contains("Feed: košarkaši prvaci").doesNotContain("Feed: nacrt koji se ne vidi");
			assertThat(feed.getEntries()).filteredOn(entry -> entry.getTitle().equals("Feed: košarkaši prvaci"))
				.singleElement()
				.satisfies(entry -> assertThat(entry.getLink()).isEqualTo(PUBLIC + story.path()));
		}
		assertThat(get("/rss/nema-takve-rubrike-ni-oznake").status()).isEqualTo(404);
	}

	@Test
	void pagesLinkTheirFeeds() {
		String home = get("/").body();
		assertThat(home).contains("<link rel=\"alternate\" type=\"application/rss+xml\"")
			.contains("type=\"application/atom+xml\"");
	}

	@Test
	void sitemapsFollowTheSitemapsOrgSchemas() throws Exception {
		ServicesStub.Story story = published("vijesti", "Sitemap: priča mjeseca");
		Http.Response index = get("/sitemap.xml");
		assertThat(index.status()).isEqualTo(200);
		validate(index.body(), "siteindex.xsd");
		Document indexDocument = parse(index.body());
		YearMonth month = YearMonth.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))
			.atZone(ZoneId.of("Europe/Zagreb")));
		String monthUrl = PUBLIC + "/sitemaps/" + month + ".xml";
		assertThat(texts(indexDocument, SITEMAP_NS, "loc")).contains(monthUrl);
		Http.Response monthly = get("/sitemaps/" + month + ".xml");
		assertThat(monthly.status()).isEqualTo(200);
		validate(monthly.body(), "sitemap.xsd");
		assertThat(texts(parse(monthly.body()), SITEMAP_NS, "loc")).contains(PUBLIC + story.path());
		Http.Response sections = get("/sitemaps/rubrike.xml");
		validate(sections.body(), "sitemap.xsd");
	}

	@Test
	void theGoogleNewsSitemapHasTheDocumentedElements() throws Exception {
		ServicesStub.Story story = published("vijesti", "Vijest za Google News");
		services.publish(story, java.time.Instant.now().minusSeconds(3600));
		Http.Response response = get("/news-sitemap.xml");
		assertThat(response.status()).isEqualTo(200);
		Document document = parse(response.body());
		Element root = document.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("urlset");
		assertThat(root.getNamespaceURI()).isEqualTo(SITEMAP_NS);
		NodeList urls = document.getElementsByTagNameNS(SITEMAP_NS, "url");
		Element ours = null;
		for (int i = 0; i < urls.getLength(); i++) {
			Element url = (Element) urls.item(i);
			if (text(url, SITEMAP_NS, "loc").equals(PUBLIC + story.path())) {
				ours = url;
			}
		}
		assertThat(ours).as("the story of the last hour").isNotNull();
		Element news = (Element) ours.getElementsByTagNameNS(NEWS_NS, "news").item(0);
		Element publication = (Element) news.getElementsByTagNameNS(NEWS_NS, "publication").item(0);
		assertThat(text(publication, NEWS_NS, "name")).isNotBlank();
		assertThat(text(publication, NEWS_NS, "language")).isEqualTo("hr");
		assertThat(java.time.OffsetDateTime.parse(text(news, NEWS_NS, "publication_date"))).isNotNull();
		assertThat(text(news, NEWS_NS, "title")).isEqualTo("Vijest za Google News");
	}

	@Test
	void robotsTxtNamesTheSitemaps() {
		Http.Response robots = get("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.body()).contains("Sitemap: " + PUBLIC + "/sitemap.xml")
			.contains("Sitemap: " + PUBLIC + "/news-sitemap.xml");
	}

	private static void validate(String xml, String schema) throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		// nothing is fetched: the schemas are in the repository
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		Path file = Path.of("src/test/resources/sitemaps", schema);
		factory.newSchema(file.toFile()).newValidator().validate(new StreamSource(new StringReader(xml)));
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	private static List<String> texts(Document document, String ns, String name) {
		NodeList nodes = document.getElementsByTagNameNS(ns, name);
		List<String> texts = new java.util.ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent().strip());
		}
		return texts;
	}

	private static String text(Element parent, String ns, String name) {
		NodeList nodes = parent.getElementsByTagNameNS(ns, name);
		return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
	}

}
