/* pmdocs: the diagram viewer. A diagram is shown at its natural size (Graphviz's points as
   CSS points, so its smallest type stays readable) in a frame that scrolls, with a toolbar:
   zoom in, zoom out, actual size, full screen, and open the SVG alone in a tab of its own.
   Ctrl/⌘-wheel and a two-finger pinch zoom around the pointer; a mouse drags the drawing;
   the keyboard reaches every button, scrolls the focused frame with the arrow keys and zooms
   it with + / − / 0. Also after Material's instant navigation swaps the page. */
(function () {
  "use strict";
  var MIN_SCALE = 0.1, MAX_SCALE = 8, STEP = 1.25;
  var WORDS = {
    zh: { tools: "图表工具", view: "图表：", zoomIn: "放大", zoomOut: "缩小", actual: "原始大小",
          full: "全屏", exitFull: "退出全屏", open: "打开 SVG", openTitle: "在新标签页中单独打开此图" },
    en: { tools: "Diagram tools", view: "Diagram: ", zoomIn: "Zoom in", zoomOut: "Zoom out",
          actual: "Actual size", full: "Full screen", exitFull: "Exit full screen",
          open: "Open SVG", openTitle: "Open this diagram alone in a new tab" }
  };
  var STANDALONE_STYLE =
    "svg{font-family:\"Noto Sans CJK SC\",\"Noto Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}" +
    ".invisible{display:none}a{text-decoration:none}";

  function words() {
    return (document.documentElement.lang || "").indexOf("zh") === 0 ? WORDS.zh : WORDS.en;
  }

  function button(text, title, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "pmdocs-diagram-button";
    element.textContent = text;
    if (title) element.title = title;
    element.addEventListener("click", action);
    return element;
  }

  /* One diagram: its frame, its SVG and the scale it is shown at (1 = natural size). */
  function Viewer(container, svg) {
    var text = words();
    var self = this;
    this.container = container;
    this.svg = svg;
    this.width = svg.width.baseVal.value;     /* the natural size, in CSS px */
    this.height = svg.height.baseVal.value;
    this.scale = 1;
    var title = svg.querySelector("title");

    this.frame = document.createElement("div");
    this.frame.className = "pmdocs-diagram-frame";
    this.frame.tabIndex = 0;
    this.frame.setAttribute("role", "region");
    this.frame.setAttribute("aria-label", text.view + (title ? title.textContent : ""));
    container.insertBefore(this.frame, svg);
    this.frame.appendChild(svg);

    var tools = document.createElement("div");
    tools.className = "pmdocs-diagram-tools";
    tools.setAttribute("role", "toolbar");
    tools.setAttribute("aria-label", text.tools);
    tools.appendChild(button("+", text.zoomIn, function () { self.zoomBy(STEP); }));
    tools.appendChild(button("−", text.zoomOut, function () { self.zoomBy(1 / STEP); }));
    tools.appendChild(button("1:1", text.actual, function () { self.zoomTo(1); }));
    this.fullButton = button(text.full, "", function () { self.toggleFullScreen(); });
    tools.appendChild(this.fullButton);
    tools.appendChild(button(text.open, text.openTitle, function () { self.openAlone(); }));
    tools.querySelectorAll("button").forEach(function (element) {   /* the visible text first */
      var said = element.textContent;                                /* (WCAG 2.5.3), then what */
      element.setAttribute("aria-label", element.title ? said + " " + element.title : said);
    });
    container.insertBefore(tools, this.frame);
    container.classList.add("pmdocs-viewer");
    container.dataset.pmdocsViewer = "on";

    this.show();
    this.listen();
  }

  Viewer.prototype.show = function () {
    this.svg.style.width = (this.width * this.scale) + "px";
    this.svg.style.height = (this.height * this.scale) + "px";
    this.container.dataset.pmdocsScale = String(this.scale);
  };

  /* Zoom to `scale`, keeping the drawing's point under (clientX, clientY) where it is (the
     frame's centre when no point is given). */
  Viewer.prototype.zoomTo = function (scale, clientX, clientY) {
    scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
    var frame = this.frame.getBoundingClientRect();
    if (clientX === undefined) {
      clientX = frame.left + frame.width / 2;
      clientY = frame.top + frame.height / 2;
    }
    var before = this.svg.getBoundingClientRect();
    var x = (clientX - before.left) / this.scale, y = (clientY - before.top) / this.scale;
    this.scale = scale;
    this.show();
    var after = this.svg.getBoundingClientRect();
    this.frame.scrollLeft += after.left + x * scale - clientX;
    this.frame.scrollTop += after.top + y * scale - clientY;
  };

  Viewer.prototype.zoomBy = function (factor, clientX, clientY) {
    this.zoomTo(this.scale * factor, clientX, clientY);
  };

  Viewer.prototype.toggleFullScreen = function () {
    var container = this.container;
    if (document.fullscreenElement === container) {
      document.exitFullscreen();
    } else if (container.classList.contains("pmdocs-diagram-full")) {
      this.fullWindow(false);
    } else if (container.requestFullscreen) {
      container.requestFullscreen().catch(this.fullWindow.bind(this, true));
    } else {
      this.fullWindow(true);     /* no Fullscreen API (iOS Safari): the whole window */
    }
  };

  Viewer.prototype.fullWindow = function (on) {
    this.container.classList.toggle("pmdocs-diagram-full", on);
    this.fullChanged();
  };

  Viewer.prototype.fullChanged = function () {
    var text = words();
    var full = document.fullscreenElement === this.container ||
               this.container.classList.contains("pmdocs-diagram-full");
    this.fullButton.textContent = full ? text.exitFull : text.full;
    this.fullButton.setAttribute("aria-label", this.fullButton.textContent);
    this.fullButton.setAttribute("aria-pressed", full ? "true" : "false");
  };

  /* The SVG alone, in a tab of its own: its links made absolute, its type styled without
     the site's stylesheet, at its natural size. */
  Viewer.prototype.openAlone = function () {
    var copy = this.svg.cloneNode(true);
    copy.removeAttribute("style");
    copy.querySelectorAll("a").forEach(function (link) {
      var href = link.getAttribute("href") || link.getAttribute("xlink:href");
      if (!href) return;
      var absolute = new URL(href, document.baseURI).href;
      link.setAttribute("href", absolute);
      link.setAttributeNS("http://www.w3.org/1999/xlink", "xlink:href", absolute);
    });
    var style = document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = STANDALONE_STYLE;
    copy.insertBefore(style, copy.firstChild);
    var source = new XMLSerializer().serializeToString(copy);
    var blob = new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n', source],
                        { type: "image/svg+xml" });
    window.open(URL.createObjectURL(blob), "_blank", "noopener");
  };

  Viewer.prototype.listen = function () {
    var self = this, frame = this.frame;
    frame.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey) return;   /* a trackpad's pinch sets ctrlKey */
      event.preventDefault();
      self.zoomBy(Math.exp(-event.deltaY * 0.002), event.clientX, event.clientY);
    }, { passive: false });
    frame.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var keys = { "+": STEP, "=": STEP, "-": 1 / STEP, "_": 1 / STEP };
      if (keys[event.key]) self.zoomBy(keys[event.key]);
      else if (event.key === "0") self.zoomTo(1);
      else return;
      event.preventDefault();
    });
    this.listenForPinch();
    this.listenForDrag();
    document.addEventListener("fullscreenchange", function () { self.fullChanged(); });
    this.container.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && self.container.classList.contains("pmdocs-diagram-full")) {
        self.fullWindow(false);
      }
    });
  };

  /* Two fingers on a touch screen: the drawing follows their spread (the frame allows only
     panning to the browser, so the page itself does not zoom). */
  Viewer.prototype.listenForPinch = function () {
    var self = this, start = null;
    function spread(touches) {
      return Math.hypot(touches[0].clientX - touches[1].clientX,
                        touches[0].clientY - touches[1].clientY);
    }
    this.frame.addEventListener("touchstart", function (event) {
      if (event.touches.length === 2) start = { spread: spread(event.touches), scale: self.scale };
    }, { passive: true });
    this.frame.addEventListener("touchmove", function (event) {
      if (!start || event.touches.length !== 2) return;
      event.preventDefault();
      var middleX = (event.touches[0].clientX + event.touches[1].clientX) / 2;
      var middleY = (event.touches[0].clientY + event.touches[1].clientY) / 2;
      self.zoomTo(start.scale * spread(event.touches) / start.spread, middleX, middleY);
    }, { passive: false });
    this.frame.addEventListener("touchend", function (event) {
      if (event.touches.length < 2) start = null;
    });
  };

  /* A mouse drags the drawing; a drag of more than a few pixels is not a click on a link. */
  Viewer.prototype.listenForDrag = function () {
    var frame = this.frame, drag = null, moved = false;
    frame.addEventListener("pointerdown", function (event) {
      if (event.pointerType !== "mouse" || event.button !== 0) return;
      drag = { x: event.clientX, y: event.clientY, left: frame.scrollLeft, top: frame.scrollTop };
      moved = false;
    });
    frame.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!moved && Math.hypot(dx, dy) < 4) return;
      if (!moved) frame.setPointerCapture(event.pointerId);
      moved = true;
      frame.classList.add("pmdocs-dragging");
      frame.scrollLeft = drag.left - dx;
      frame.scrollTop = drag.top - dy;
    });
    function stop() { drag = null; frame.classList.remove("pmdocs-dragging"); }
    frame.addEventListener("pointerup", stop);
    frame.addEventListener("pointercancel", stop);
    frame.addEventListener("click", function (event) {
      if (moved) { event.preventDefault(); event.stopPropagation(); moved = false; }
    }, true);
  };

  function enhance(container) {
    var svg = container.querySelector(":scope > svg.pmdocs-svg");
    if (!svg || container.dataset.pmdocsViewer) return;
    new Viewer(container, svg);
  }

  function enhanceAll() {
    document.querySelectorAll(".pmdocs-diagram").forEach(enhance);
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(enhanceAll);        /* Material: every page, instant navigation too */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
