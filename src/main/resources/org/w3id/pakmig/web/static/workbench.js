// The query workbench: YASGUI pointed at this server's endpoint (found relative to the page, so
// it works on any port and behind a path prefix), the named-query catalogue beside it, and result
// IRIs shown as labels linking to their pages.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "./";
  var endpoint = new URL(root + "pakmig/sparql", window.location.href).href;
  var settings = JSON.parse(document.getElementById("pakmig-settings").textContent);
  var prefixes = settings.prefixes;
  var base = "https://w3id.org/pakmig/";
  document.getElementById("endpoint-url").textContent = endpoint;

  // Our prefixes for completion instead of prefix.cc; no completer that calls other sites.
  var prefixList = Object.keys(prefixes).sort().map(function (p) { return p + ": <" + prefixes[p] + ">"; });
  Yasgui.Yasqe.forkAutocompleter("prefixes", {
    name: "pakmigPrefixes", persistenceId: null,
    get: function () { return Promise.resolve(prefixList); }
  });
  Yasgui.Yasqe.defaults.autocompleters = ["pakmigPrefixes", "variables"];
  Yasgui.Yasqe.defaults.value = settings.defaultQuery;
  Yasgui.Yasr.defaults.prefixes = prefixes;

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  window.pakmigWorkbench = yasgui;

  // Named queries: the server binds the parameters (as `pakmig query --param` does) and returns
  // the query text to run; values never get pasted into the query here.
  function loadNamed(item, form) {
    var params = new URLSearchParams();
    if (form) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name) { params.append(el.name, el.value); }
      });
    }
    var url = root + "api/queries/" + encodeURIComponent(item.getAttribute("data-name")) + "/sparql?" + params;
    fetch(url).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) { throw new Error(text); }
        return text;
      });
    }).then(function (text) {
      var tab = yasgui.getTab();
      tab.setQuery(text);
      tab.getYasqe().query();
      showError(item, "");
    }).catch(function (e) { showError(item, e.message); });
  }
  function showError(item, message) {
    var box = item.querySelector(".error");
    if (!box) {
      box = document.createElement("p");
      box.className = "error";
      box.setAttribute("role", "alert");
      item.appendChild(box);
    }
    box.textContent = message;
  }
  document.querySelectorAll(".named-query").forEach(function (item) {
    item.querySelector("button.load").addEventListener("click", function () {
      document.querySelectorAll(".named-query.open").forEach(function (o) { o.classList.remove("open"); });
      item.classList.add("open");
      loadNamed(item, item.querySelector("form.params"));
    });
    var form = item.querySelector("form.params");
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        loadNamed(item, form);
      });
    }
  });
  var filter = document.getElementById("catalogue-filter");
  filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    document.querySelectorAll(".named-query").forEach(function (item) {
      var text = item.textContent.toLowerCase();
      item.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  });

  // Result IRIs of this graph: show the label, link to the page on this server. Labels are
  // fetched once per IRI; each IRI keeps the promise of its fetch so redraws wait for it.
  var labels = {};
  function relabel() {
    var links = Array.prototype.filter.call(document.querySelectorAll(".yasr a.iri"), function (a) {
      return !a.hasAttribute("data-iri") && a.getAttribute("href").indexOf(base) === 0;
    });
    if (links.length === 0) { return; }
    var wanted = links.map(function (a) { return a.getAttribute("href"); })
                      .filter(function (iri, i, all) { return all.indexOf(iri) === i && !(iri in labels); });
    if (wanted.length > 0) { fetchLabels(wanted); }
    links.forEach(function (a) {
      var iri = a.getAttribute("href");
      labels[iri].then(function (label) {
        if (a.hasAttribute("data-iri")) { return; }
        a.setAttribute("title", iri);
        a.setAttribute("href", root + iri.substring(base.length));
        a.removeAttribute("target");
        if (label) { a.textContent = label; }
        a.setAttribute("data-iri", iri);
      });
    });
  }
  function fetchLabels(iris) {
    var query = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s ?label WHERE { VALUES ?s { " +
      iris.map(function (i) { return "<" + i + ">"; }).join(" ") + " } ?s rdfs:label ?label }";
    var found = fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json" },
      body: query
    }).then(function (r) { return r.json(); }).then(function (json) {
      var names = {};
      json.results.bindings.forEach(function (b) {
        if (!names[b.s.value] || b.label["xml:lang"] === "en") { names[b.s.value] = b.label.value; }
      });
      return names;
    }).catch(function () { return {}; });  // the IRIs stay as they are
    iris.forEach(function (i) { labels[i] = found.then(function (names) { return names[i]; }); });
  }
  new MutationObserver(relabel).observe(document.getElementById("yasgui"), { childList: true, subtree: true });
})();
