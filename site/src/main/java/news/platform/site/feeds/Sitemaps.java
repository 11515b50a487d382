package news.platform.site.feeds;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.platform.site.page.Dates;

/**
 * Sitemaps as sitemaps.org defines them (a sitemap index and {@code urlset}s, checked against its
 * XSDs in the tests) and Google's News sitemap. Written with StAX, so every text is escaped.
 */
public final class Sitemaps {

	public static final String CONTENT_TYPE = "application/xml;charset=UTF-8";

	private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	/** An address with the time it last changed (null: not known). */
	public record Url(String loc, Instant lastModified) {
	}

	/** A story for the Google News sitemap. */
	public record NewsUrl(String loc, String publicationName, String language, Instant published, String title) {
	}

	private Sitemaps() {
	}

	public static byte[] index(List<Url> sitemaps) {
		return write(xml -> {
			xml.writeStartElement("sitemapindex");
			xml.writeDefaultNamespace(SITEMAP_NS);
			for (Url sitemap : sitemaps) {
				xml.writeStartElement("sitemap");
				element(xml, "loc", sitemap.loc());
				if (sitemap.lastModified() != null) {
					element(xml, "lastmod", Dates.machine(sitemap.lastModified()));
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	public static byte[] urlset(List<Url> urls) {
		return write(xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			for (Url url : urls) {
				xml.writeStartElement("url");
				element(xml, "loc", url.loc());
				if (url.lastModified() != null) {
					element(xml, "lastmod", Dates.machine(url.lastModified()));
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	/** Google's News sitemap: {@code <url><loc/><news:news><news:publication>…}. */
	public static byte[] news(List<NewsUrl> urls) {
		return write(xml -> {
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NS);
			xml.writeNamespace("news", NEWS_NS);
			for (NewsUrl url : urls) {
				xml.writeStartElement("url");
				element(xml, "loc", url.loc());
				xml.writeStartElement("news", "news", NEWS_NS);
				xml.writeStartElement("news", "publication", NEWS_NS);
				xml.writeStartElement("news", "name", NEWS_NS);
				xml.writeCharacters(url.publicationName());
				xml.writeEndElement();
				xml.writeStartElement("news", "language", NEWS_NS);
				xml.writeCharacters(url.language());
				xml.writeEndElement();
				xml.writeEndElement();
				xml.writeStartElement("news", "publication_date", NEWS_NS);
				xml.writeCharacters(Dates.machine(url.published()));
				xml.writeEndElement();
				xml.writeStartElement("news", "title", NEWS_NS);
				xml.writeCharacters(url.title());
				xml.writeEndElement();
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	private interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

	private static byte[] write(Body body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			body.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("cannot write the sitemap", ex);
		}
		return out.toByteArray();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
