// Live comments: new visible comments arrive over the comment stream (Server-Sent Events from
// comment-service, through the gateway) and are added in place. Without JavaScript the page is
// complete as it is; this file only adds. No inline script, no innerHTML: every text goes in as text.
(function () {
  "use strict";
  // The reader's own box (comment form, own comments): fetched only when someone signed in on this
  // browser (the SITE_READER cookie says so and nothing more); everyone else keeps the cached link,
  // which leads to the same box as a page. Asked for once htmx has read its settings and the page
  // (its DOMContentLoaded listener comes first: htmx's script is earlier in the page).
  var personal = document.getElementById("komentari-osobno");
  if (personal && personal.dataset.personal && window.htmx && /(^|;\s*)SITE_READER=1(;|$)/.test(document.cookie)) {
    document.addEventListener("DOMContentLoaded", function () {
      window.htmx.ajax("GET", personal.dataset.personal, { target: personal, swap: "innerHTML" });
    });
  }
})();

(function () {
  "use strict";
  var section = document.getElementById("komentari");
  if (!section || !window.EventSource || !section.dataset.stream) {
    return;
  }
  var seen = {};
  var waiting = [];
  var delay = 1000;
  var source = null;
  var notice = null;

  function known(id) {
    return seen[id] || document.getElementById("komentar-" + id);
  }

  function text(tag, className, value) {
    var element = document.createElement(tag);
    if (className) {
      element.className = className;
    }
    element.textContent = value;
    return element;
  }

  // the same markup the server renders for a comment (tag/comment.jte)
  function render(comment) {
    var article = document.createElement("article");
    article.className = "comment comment-live";
    article.id = "komentar-" + comment.id;
    article.dataset.commentId = comment.id;
    var head = document.createElement("header");
    head.className = "comment-head";
    head.appendChild(text("span", "comment-author", comment.author && comment.author.name ? comment.author.name : section.dataset.anonymous));
    head.appendChild(document.createTextNode(" "));
    var time = text("time", null, section.dataset.now);
    time.setAttribute("datetime", comment.createdAt || "");
    head.appendChild(time);
    article.appendChild(head);
    var body = document.createElement("p");
    body.className = "comment-text";
    String(comment.text || "").split("\n").forEach(function (line, index) {
      if (index > 0) {
        body.appendChild(document.createElement("br"));
      }
      body.appendChild(document.createTextNode(line));
    });
    article.appendChild(body);
    return article;
  }

  function newestFirst() {
    var current = section.querySelector(".comment-sorts a[aria-current]");
    return !current || /\/najnovije$/.test(current.getAttribute("href"));
  }

  // the top of the list is above what the reader is reading: adding there must not move the page.
  // A whole pixel at least: a list scrolled to the top of the window can sit a fraction of a pixel
  // above it (layout positions are fractional, the scroll position is not), and that reader is
  // reading the list's top
  function aboveTheFold(element) {
    return element.getBoundingClientRect().top <= -1;
  }

  function showNotice() {
    if (!notice) {
      notice = document.createElement("button");
      notice.type = "button";
      notice.className = "comments-new";
      notice.addEventListener("click", function () {
        flush();
        section.scrollIntoView();
      });
      section.appendChild(notice);
    }
    notice.textContent = section.dataset.newNotice.replace("{0}", String(waiting.length));
    notice.hidden = false;
  }

  function flush() {
    var items = section.querySelector(".comment-items");
    while (waiting.length) {
      items.insertBefore(waiting.shift(), items.firstChild);
    }
    if (notice) {
      notice.hidden = true;
    }
    var none = section.querySelector(".comments-none");
    if (none) {
      none.remove();
    }
  }

  function add(comment) {
    if (!comment || !comment.id || known(comment.id)) {
      return;
    }
    seen[comment.id] = true;
    var element = render(comment);
    if (comment.parentId) {
      var parent = document.getElementById("komentar-" + comment.parentId);
      if (!parent) {
        return;
      }
      var replies = parent.querySelector(":scope > .replies");
      if (!replies) {
        replies = document.createElement("div");
        replies.className = "replies";
        replies.setAttribute("role", "group");
        parent.appendChild(replies);
      }
      var more = replies.querySelector(":scope > .more-replies");
      if (!more) {
        replies.appendChild(element);
      }
      return;
    }
    if (!newestFirst()) {
      return;
    }
    var items = section.querySelector(".comment-items");
    if (!items) {
      return;
    }
    waiting.push(element);
    if (aboveTheFold(items)) {
      showNotice();
    } else {
      flush();
    }
  }

  function connect() {
    source = new EventSource(section.dataset.stream);
    source.addEventListener("open", function () {
      delay = 1000;
    });
    source.addEventListener("comment", function (event) {
      try {
        add(JSON.parse(event.data));
      } catch (ignored) {
        // a malformed event is skipped; the next page load shows the thread as it is
      }
    });
    source.addEventListener("error", function () {
      // the browser reconnects by itself while the stream is CONNECTING; once CLOSED (the server
      // refused or the gateway dropped it) the page reconnects, waiting longer each time
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, delay);
        delay = Math.min(delay * 2, 60000);
      }
    });
  }

  // The stream opens when the comments come near the window: a reader who never scrolls down to
  // them holds no connection to the gateway and comment-service for as long as the tab stays open.
  if (window.IntersectionObserver) {
    var watcher = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        watcher.disconnect();
        connect();
      }
    }, { rootMargin: "100% 0px" });
    watcher.observe(section);
  } else {
    connect();
  }
})();
