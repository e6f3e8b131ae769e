/* pmdocs: reading aids. A table wider than its column says so: Material puts each table of
   a page in a horizontal scroll container; where the table overflows it, this marks the
   container (`pmdocs-wide`: an edge on the sides that hide columns, the first column kept in
   view) and puts a hint above it, measured again when the window changes size. Previous
   and next stay within the section. And the theme's search dialog and navigation landmarks
   get names, for screen readers. */
(function () {
  "use strict";
  var SCROLLER = "md-typeset__scrollwrap";
  var CHINESE = (document.documentElement.lang || "").indexOf("zh") === 0;
  var WORDS = CHINESE ? { wide: "表格较宽：左右滑动查看全部列 ⇆", search: "搜索",
                          site: "网站导航", page: "本页目录" }
                      : { wide: "Wide table: scroll sideways to see every column ⇆",
                          search: "Search", site: "Site navigation", page: "On this page" };

  function hintText() {
    return WORDS.wide;
  }

  function name(selector, text) {
    document.querySelectorAll(selector).forEach(function (element) {
      if (!element.hasAttribute("aria-label") && !element.hasAttribute("aria-labelledby"))
        element.setAttribute("aria-label", text);
    });
  }

  function nameLandmarks() {
    name(".md-search[role=dialog]", WORDS.search);
    name("nav.md-nav--primary", WORDS.site);
    name("nav.md-nav--secondary", WORDS.page);
  }

  function scroller(table) {
    var found = table.closest("." + SCROLLER);
    if (found) return found;
    var wrap = document.createElement("div");       /* a page Material did not wrap */
    wrap.className = SCROLLER;
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
    return wrap;
  }

  function edges(container) {
    var left = container.scrollLeft;
    container.classList.toggle("pmdocs-more-left", left > 1);
    container.classList.toggle("pmdocs-more-right",
                               left + container.clientWidth < container.scrollWidth - 1);
  }

  function measure(container) {
    var wide = container.scrollWidth > container.clientWidth + 1;
    container.classList.toggle("pmdocs-wide", wide);
    var hint = container.previousElementSibling;
    var hasHint = hint && hint.classList.contains("pmdocs-scroll-hint");
    if (wide && !hasHint) {
      hint = document.createElement("p");
      hint.className = "pmdocs-scroll-hint";
      hint.textContent = hintText();
      container.parentNode.insertBefore(hint, container);
    } else if (!wide && hasHint) {
      hint.remove();
    }
    if (wide && !container.hasAttribute("tabindex")) {
      container.setAttribute("tabindex", "0");       /* scrolled with the arrow keys too */
      container.setAttribute("role", "region");
      container.setAttribute("aria-label", hintText());
    }
    edges(container);
  }

  /* Previous and next stay within the open section of the sidebar (the theme's footer
     walks the whole navigation: the last rule's "next" would be the traceability page). */
  function keepFooterInSection() {
    var section = document.querySelector(".md-nav--primary > .md-nav__list > .md-nav__item--active.md-nav__item--nested");
    if (!section) return;
    var inside = {};
    section.querySelectorAll("a.md-nav__link[href]").forEach(function (link) {
      inside[link.href.split("#")[0]] = true;
    });
    document.querySelectorAll("a.md-footer__link").forEach(function (link) {
      if (!inside[link.href.split("#")[0]]) link.hidden = true;
    });
  }

  function measureAll() {
    nameLandmarks();
    keepFooterInSection();
    var containers = [];
    document.querySelectorAll("article.md-content__inner table").forEach(function (table) {
      var container = scroller(table);
      if (containers.indexOf(container) < 0) containers.push(container);
    });
    containers.forEach(function (container) {
      if (!container.dataset.pmdocsTable) {
        container.dataset.pmdocsTable = "on";
        container.addEventListener("scroll", function () { edges(container); }, { passive: true });
      }
      measure(container);
    });
  }

  var pending = 0;
  function later() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(measureAll);
  }

  window.addEventListener("resize", later);
  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(later);             /* Material: every page, instant navigation too */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", later);
  } else {
    later();
  }
})();
