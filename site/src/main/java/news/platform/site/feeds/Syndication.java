package news.platform.site.feeds;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** RSS 2.0 and Atom 1.0 documents with ROME: the same stories in either format. */
public final class Syndication {

	public enum Format {

		RSS("rss_2.0", "application/rss+xml;charset=UTF-8"), ATOM("atom_1.0", "application/atom+xml;charset=UTF-8");

		private final String romeType;

		private final String contentType;

		Format(String romeType, String contentType) {
			this.romeType = romeType;
			this.contentType = contentType;
		}

		public String contentType() {
			return this.contentType;
		}

	}

	/**
	 * What the feed is.
	 *
	 * @param link the HTML page the feed follows (home, section, tag, author)
	 * @param self the feed's own URL
	 */
	public record Channel(String title, String description, String link, String self, String language,
			Instant updated) {
	}

	/** One story. {@code url} is its canonical URL, also its id ({@code guid}, Atom {@code id}). */
	public record Item(String title, String url, String summary, Instant published, Instant updated,
			List<String> authors, List<String> categories) {
	}

	private Syndication() {
	}

	public static byte[] write(Format format, Channel channel, List<Item> items) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(format.romeType);
		feed.setTitle(channel.title());
		feed.setDescription(channel.description());
		feed.setLink(channel.link());
		feed.setUri(channel.self());
		feed.setLanguage(channel.language());
		feed.setPublishedDate(date(channel.updated()));
		List<SyndLink> links = new ArrayList<>();
		links.add(link("alternate", channel.link(), "text/html"));
		links.add(link("self", channel.self(), format.contentType().substring(0, format.contentType().indexOf(';'))));
		feed.setLinks(links);
		List<SyndEntry> entries = new ArrayList<>();
		for (Item item : items) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setTitle(item.title());
			entry.setLink(item.url());
			entry.setUri(item.url());
			entry.setPublishedDate(date(item.published()));
			entry.setUpdatedDate(date(item.updated() != null ? item.updated() : item.published()));
			if (item.summary() != null) {
				SyndContent description = new SyndContentImpl();
				description.setType("text/plain");
				description.setValue(item.summary());
				entry.setDescription(description);
			}
			List<SyndPerson> authors = new ArrayList<>();
			for (String name : item.authors()) {
				SyndPerson person = new SyndPersonImpl();
				person.setName(name);
				authors.add(person);
			}
			entry.setAuthors(authors);
			List<SyndCategory> categories = new ArrayList<>();
			for (String name : item.categories()) {
				SyndCategory category = new SyndCategoryImpl();
				category.setName(name);
				categories.add(category);
			}
			entry.setCategories(categories);
			entries.add(entry);
		}
		feed.setEntries(entries);
		StringWriter out = new StringWriter(8192);
		try {
			new SyndFeedOutput().output(feed, out, true);
		}
		catch (java.io.IOException | FeedException ex) {
			throw new IllegalStateException("cannot write the feed", ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

}
