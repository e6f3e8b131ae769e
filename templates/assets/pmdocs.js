/* pmdocs: zoom and pan for large diagrams (svg-pan-zoom, bundled), also after Material's
   instant navigation swaps the page. Small diagrams stay plain, links and all. */
(function () {
  "use strict";
  var LARGE = 900;            /* a diagram wider or taller than this (in px) gets zoom/pan */

  function label(name) {
    var chinese = (document.documentElement.lang || "").indexOf("zh") === 0;
    var labels = chinese ? { in: "放大", out: "缩小", reset: "复位" }
                         : { in: "Zoom in", out: "Zoom out", reset: "Reset" };
    return labels[name];
  }

  function button(text, title, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.textContent = text;
    element.title = title;
    element.setAttribute("aria-label", title);
    element.addEventListener("click", action);
    return element;
  }

  function enhance(container) {
    var svg = container.querySelector("svg.pmdocs-svg");
    if (!svg || container.dataset.pmdocsZoom || typeof svgPanZoom !== "function") return;
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (!box || (box.width < LARGE && box.height < LARGE)) return;
    container.dataset.pmdocsZoom = "on";
    container.classList.add("pmdocs-zoomable");
    var zoom = svgPanZoom(svg, { controlIconsEnabled: false, mouseWheelZoomEnabled: false,
                                 dblClickZoomEnabled: true, fit: true, center: true,
                                 minZoom: 0.2, maxZoom: 20 });
    var controls = document.createElement("div");
    controls.className = "pmdocs-zoom-controls";
    controls.appendChild(button("+", label("in"), function () { zoom.zoomIn(); }));
    controls.appendChild(button("−", label("out"), function () { zoom.zoomOut(); }));
    controls.appendChild(button("⟲", label("reset"), function () { zoom.resetZoom(); zoom.center(); }));
    container.insertBefore(controls, container.firstChild);
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
