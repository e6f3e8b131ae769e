/* pmdocs prototype: follows the wireframes' jumps, switches states and roles, opens dialogs,
 * shows annotations and (in a site that marks changes) what is new and changed, and keeps the
 * whole view in the URL's hash:
 *   #state=<name>&role=<id>&dialog=<id>,<id>&notes=1&all=1&pin=<element>&changes=0&embed=1
 * (`embed=1`: only the screen, its state tabs and its pins, for a page's spec in the PRD)
 * Every page is plain HTML rendered from the specs; this script only shows and hides it.
 * Spec text is only ever moved with textContent, never parsed as HTML. */
(function () {
  "use strict";

  var body = document.body;
  var stateSelect = document.getElementById("pp-state");
  var roleSelect = document.getElementById("pp-role");
  var allStates = document.getElementById("pp-all");
  var notesToggle = document.getElementById("pp-notes");
  var changesToggle = document.getElementById("pp-changes");
  var overlays = document.querySelector(".pp-overlays");
  var notesPanel = document.querySelector(".pp-notes");
  var systemToast = document.querySelector(".pp-system-toast");
  var view = { state: "", role: "", dialogs: [], notes: false, all: false, pin: "",
               changes: Boolean(changesToggle), embed: false };
  var toastTimer = 0;

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /* ---------------------------------------------------------------- the URL */

  function readHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    var states = all("option", stateSelect).map(function (option) { return option.value; });
    var state = params.get("state");
    view.state = states.indexOf(state) >= 0 ? state : body.dataset.defaultState;
    view.role = params.get("role") || "";
    view.dialogs = (params.get("dialog") || "").split(",").filter(function (id) {
      return id && overlay(id);
    });
    view.notes = params.get("notes") === "1";
    view.all = params.get("all") === "1";
    view.pin = params.get("pin") || "";
    view.embed = params.get("embed") === "1";
    view.changes = Boolean(changesToggle) && params.get("changes") !== "0";
  }

  function hash(keep) {
    var params = new URLSearchParams();
    if (!keep && view.state && view.state !== body.dataset.defaultState) params.set("state", view.state);
    if (view.role) params.set("role", view.role);
    if (!keep && view.dialogs.length) params.set("dialog", view.dialogs.join(","));
    if (view.notes) params.set("notes", "1");
    if (!keep && view.all) params.set("all", "1");
    if (!keep && view.pin) params.set("pin", view.pin);
    if (changesToggle && !view.changes) params.set("changes", "0");
    if (view.embed) params.set("embed", "1");
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function writeHash() {
    var target = location.href.split("#")[0] + hash(false);
    if (target !== location.href) history.replaceState(null, "", target);
  }

  /* ------------------------------------------------------------ the view */

  function render() {
    stateSelect.value = view.state;
    roleSelect.value = view.role;
    allStates.checked = view.all;
    notesToggle.checked = view.notes;
    body.classList.toggle("pp-all-states", view.all);
    body.classList.toggle("pp-notes-on", view.notes);
    body.classList.toggle("pp-changes-on", view.changes);
    body.classList.toggle("pp-embed", view.embed);
    all("[data-state-tab]").forEach(function (tab) {
      tab.setAttribute("aria-selected", String(!view.all && tab.dataset.stateTab === view.state));
    });
    if (changesToggle) changesToggle.checked = view.changes;
    all(".pp-screen").forEach(function (screen) {
      screen.hidden = !view.all && screen.dataset.state !== view.state;
    });
    showRole();
    showDialogs();
    showPin();
    writeHash();
  }

  function showRole() {
    all("[data-roles]").forEach(function (element) {
      var allowed = element.dataset.roles.split(" ");
      element.classList.toggle("pp-denied", view.role !== "" && allowed.indexOf(view.role) < 0);
    });
    all("[data-role-note]").forEach(function (note) {
      note.hidden = note.dataset.roleNote !== view.role;
    });
  }

  function overlay(id) {
    return all("[data-overlay]", overlays).filter(function (node) {
      return node.dataset.overlay === id;
    })[0];
  }

  function currentDevice() {
    var screen = all(".pp-screen").filter(function (node) { return !node.hidden; })[0];
    return screen && screen.querySelector(".pp-device");
  }

  function showDialogs() {
    all("[data-overlay]").forEach(function (node) {
      node.classList.remove("pp-open");
      overlays.appendChild(node);
    });
    var device = currentDevice();
    if (view.all || !device) return;
    view.dialogs.forEach(function (id) {
      var node = overlay(id);
      device.appendChild(node);
      node.classList.add("pp-open");
    });
  }

  /* The notes panel lists every element's note while annotations are on; the selected one,
   * its element and its pin are highlighted together. */
  function showPin() {
    notesPanel.hidden = !view.notes;
    all(".pp-selected").forEach(function (node) { node.classList.remove("pp-selected"); });
    if (!view.pin) return;
    all("[data-note]", notesPanel).concat(all(".pp-pin")).forEach(function (node) {
      if ((node.dataset.note || node.dataset.pin) === view.pin) node.classList.add("pp-selected");
    });
    var parts = view.pin.split(".");
    var scope = parts.length > 1 ? overlay(parts[0]) : currentDevice();
    var element = scope && all("[data-element]", scope).filter(function (node) {
      return node.dataset.element === parts[parts.length - 1];
    })[0];
    if (element) element.classList.add("pp-selected");
  }

  function scrollToSelection(control) {
    var inPanel = control.closest(".pp-notes");
    var target = inPanel ? currentDevice() && currentDevice().querySelector(".pp-el.pp-selected")
                         : notesPanel.querySelector(".pp-note.pp-selected");
    if (target) target.scrollIntoView({ block: "nearest" });
  }

  function flash(text, node) {
    clearTimeout(toastTimer);
    var device = currentDevice();
    var shown = node || systemToast;
    if (!node) systemToast.textContent = text;
    if (device) device.appendChild(shown);
    shown.hidden = false;
    shown.classList.add("pp-open", "pp-flash");
    toastTimer = setTimeout(function () {
      shown.classList.remove("pp-open", "pp-flash");
      if (node) overlays.appendChild(node); else shown.hidden = true;
    }, 1800);
  }

  function closeChoosers(except) {
    all("[data-choose]").forEach(function (button) {
      var chooser = button.nextElementSibling;
      if (chooser === except) return;
      chooser.hidden = true;
      button.setAttribute("aria-expanded", "false");
    });
  }

  /* ------------------------------------------------------------ clicks */

  function go(link) {
    location.href = link.getAttribute("href").split("#")[0] + hash(true);
  }

  function closeTop(control) {
    if (view.dialogs.length) {
      view.dialogs.pop();
      render();
    } else {
      location.href = control.dataset.fallback + hash(true);
    }
  }

  /* What a click on a control does, by the attribute that marks it. */
  var actions = {
    "data-go": go,
    "data-back": function (control) {
      if (control.closest(".pp-overlay.pp-open")) return closeTop(control);
      if (history.length > 1) history.back(); else go(control);
    },
    "data-open": function (control) {
      var id = control.dataset.open;
      if (view.dialogs.indexOf(id) < 0) view.dialogs.push(id);
      render();
    },
    "data-toast": function (control) { flash("", overlay(control.dataset.toast)); },
    "data-close": closeTop,
    "data-effect": function (control) { flash(control.dataset.effect); },
    "data-choose": function (control) {
      var chooser = control.nextElementSibling;
      closeChoosers(chooser);
      chooser.hidden = !chooser.hidden;
      control.setAttribute("aria-expanded", String(!chooser.hidden));
      if (!chooser.hidden) chooser.querySelector("a, button").focus();
    },
    "data-choose-cancel": function () { closeChoosers(null); },
    "data-state-tab": function (control) {
      view.state = control.dataset.stateTab;
      view.all = false;
      render();
    },
    "data-retry": function () { view.state = body.dataset.defaultState; render(); },
    "data-pin": function (control) {
      view.pin = control.dataset.pin;
      view.notes = true;
      render();
      scrollToSelection(control);
    },
    "data-pin-close": function () { view.pin = ""; view.notes = false; render(); },
    /* The print stylesheet shows every note of the page and its overlays, whatever is selected. */
    "data-print": function () { window.print(); },
    "data-drawer": function (control) {
      var open = !body.classList.contains("pp-drawer-open");
      body.classList.toggle("pp-drawer-open", open);
      control.setAttribute("aria-expanded", String(open));
    }
  };

  var controls = Object.keys(actions).map(function (name) { return "[" + name + "]"; }).join(", ");

  document.addEventListener("click", function (event) {
    var control = event.target.closest(controls);
    if (!control) return;
    if (control.tagName === "A" && (event.ctrlKey || event.metaKey || event.shiftKey || event.button)) return;
    var name = Object.keys(actions).filter(function (key) { return control.hasAttribute(key); })[0];
    event.preventDefault();
    if (name !== "data-choose") closeChoosers(null);
    actions[name](control);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (all(".pp-chooser").some(function (chooser) { return !chooser.hidden; })) closeChoosers(null);
    else if (body.classList.contains("pp-drawer-open")) actions["data-drawer"](document.querySelector("[data-drawer]"));
    else if (view.pin) { view.pin = ""; render(); }
    else if (view.dialogs.length) { view.dialogs.pop(); render(); }
  });

  stateSelect.addEventListener("change", function () { view.state = stateSelect.value; render(); });
  roleSelect.addEventListener("change", function () { view.role = roleSelect.value; render(); });
  allStates.addEventListener("change", function () { view.all = allStates.checked; render(); });
  notesToggle.addEventListener("change", function () { view.notes = notesToggle.checked; render(); });
  if (changesToggle) {
    changesToggle.addEventListener("change", function () { view.changes = changesToggle.checked; render(); });
  }
  window.addEventListener("hashchange", function () { readHash(); render(); });

  /* ------------------------------------------------------------ the sitemap */

  function sitemapLink(page) {
    var link = document.createElement("a");
    link.href = "../" + page.id + "/index.html";
    link.dataset.go = page.id;
    link.textContent = page.title;
    link.className = "pp-sitemap-" + page.kind + (page.entry ? " pp-sitemap-entry" : "");
    if (page.id === body.dataset.page) link.setAttribute("aria-current", "page");
    return link;
  }

  function buildSitemap() {
    var nav = document.querySelector(".pp-sitemap");
    (window.pmdocsSitemap || []).forEach(function (group) {
      var heading = document.createElement("h2");
      heading.textContent = group.title;
      var list = document.createElement("ul");
      group.pages.forEach(function (page) {
        var item = document.createElement("li");
        item.appendChild(sitemapLink(page));
        if (page.children.length) {
          var children = document.createElement("ul");
          page.children.forEach(function (child) {
            var childItem = document.createElement("li");
            childItem.appendChild(sitemapLink(child));
            children.appendChild(childItem);
          });
          item.appendChild(children);
        }
        list.appendChild(item);
      });
      nav.appendChild(heading);
      nav.appendChild(list);
    });
    var current = nav.querySelector("[aria-current]");     // in view, even among a thousand
    if (current) nav.scrollTop = current.offsetTop - nav.clientHeight / 2;
  }

  body.classList.add("pp-js");
  buildSitemap();
  readHash();
  render();
})();
