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
  if (!section) {
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
    // what a reader can do with it (reply, react, report), as on the server's comments
    if (section.dataset.actions) {
      var actions = document.createElement("div");
      actions.className = "comment-actions";
      var link = text("a", null, section.dataset.actions);
      link.href = "/citatelj/komentar/" + encodeURIComponent(comment.id);
      actions.appendChild(link);
      article.appendChild(actions);
    }
    return article;
  }

  // A comment's actions (reply, react, report) open in place: one listener for the whole section,
  // so the cached page carries a plain link per comment (without JavaScript it opens the same
  // actions as a page) instead of htmx attributes naming the comment three more times. The box
  // gets the id the actions' forms answer into (tag/actions.jte: #radnje-{id}).
  section.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".comment-actions > a[href]") : null;
    if (!link || !window.htmx || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var comment = link.closest(".comment");
    if (!comment || !/^komentar-/.test(comment.id)) {
      return;
    }
    event.preventDefault();
    var box = link.parentElement;
    box.id = "radnje-" + comment.id.substring("komentar-".length);
    window.htmx.ajax("GET", link.getAttribute("href"), { target: box, swap: "innerHTML" });
  });

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
      var element = waiting.shift();
      items.insertBefore(element, items.firstChild);
    }
    if (notice) {
      notice.hidden = true;
    }
    var none = section.querySelector(".comments-none");
    if (none) {
      none.remove();
    }
  }

  // the list's replies of a comment, made when it has none yet
  function repliesOf(parent) {
    var replies = parent.querySelector(":scope > .replies");
    if (!replies) {
      replies = document.createElement("div");
      replies.className = "replies";
      replies.setAttribute("role", "group");
      parent.appendChild(replies);
    }
    return replies;
  }

  // The reader's own comment, just posted or edited: the form's htmx answer carries it in a
  // <template class="own-posted">, and it goes into the list at once, marked as theirs, because
  // the list under the form is the cached one (up to the comments' lifetime old) and does not
  // show it yet. The stream's copy, arriving before or after it, is not added a second time.
  function placeOwn(template) {
    var id = template.dataset.commentId;
    var element = document.importNode(template.content, true).firstElementChild;
    template.remove();
    if (!id || !element) {
      return;
    }
    seen[id] = true;
    var existing = document.getElementById("komentar-" + id);
    if (existing) {
      // an edit, or the stream's copy: the new one in its place, with the replies it has there
      var kept = existing.querySelector(":scope > .replies");
      if (kept) {
        element.appendChild(kept);
      }
      existing.replaceWith(element);
      return;
    }
    var parentId = template.dataset.parentId;
    if (parentId) {
      var parent = document.getElementById("komentar-" + parentId);
      if (parent) {
        var replies = repliesOf(parent);
        replies.insertBefore(element, replies.querySelector(":scope > .more-replies"));
      }
      return;
    }
    var items = section.querySelector(".comment-items");
    if (!items) {
      return;
    }
    items.insertBefore(element, newestFirst() ? items.firstChild : null);
    var none = section.querySelector(".comments-none");
    if (none) {
      none.remove();
    }
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.querySelectorAll) {
      Array.prototype.forEach.call(target.querySelectorAll("template.own-posted"), placeOwn);
    }
  });

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
      var replies = repliesOf(parent);
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
    // the stream's state on the section (data-live: open, reconnecting), for styles and tests
    source.addEventListener("open", function () {
      delay = 1000;
      section.dataset.live = "open";
    });
    source.addEventListener("comment", function (event) {
      try {
        add(JSON.parse(event.data));
      } catch (ignored) {
        // a malformed event is skipped; the next page load shows the thread as it is
      }
    });
    source.addEventListener("error", function () {
      section.dataset.live = "reconnecting";
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
  if (!window.EventSource || !section.dataset.stream) {
    return;
  }
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
