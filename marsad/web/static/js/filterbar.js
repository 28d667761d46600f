// The filter bar the linked views share (macros.html `filters`). The filters live in the URL:
// the form is a plain GET form, so a view can be bookmarked and shared, and the server renders
// the links to the other views with the same query string. This script only makes that
// smoother: empty fields stay out of the URL, a changed select applies at once, the links to
// the other views follow the fields while they are edited, and "Copy link" copies the view.
//
// Another script can set filters without a reload (the timeline's date brush, say):
//   document.dispatchEvent(new CustomEvent("marsad:filters", { detail: { since, until } }));
// updates the fields, the address (history.replaceState) and the links; add
// `apply: true` to the detail to reload the view with them.

const form = document.getElementById("filter-bar");
// the filters every linked view takes (marsad/api/params.py FILTERS); a view's own fields
// (the network's number of nodes) stay on that view
const SHARED = new Set(["entity", "type", "place", "since", "until", "certainty", "source"]);

// the non-empty fields of the form, as a query string ("" when none); `shared`: only the
// filters the other views take
function query(shared = false) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) {
    if (shared && !SHARED.has(k)) continue;
    if (String(v).trim() !== "") params.append(k, String(v).trim());
  }
  const s = params.toString();
  return s ? "?" + s : "";
}

// every link marked `carry` (the views in the bar and in the header) keeps the filters
function carryLinks() {
  const q = query(true);
  for (const a of document.querySelectorAll("a.carry")) {
    const url = new URL(a.getAttribute("href"), window.location.href);
    a.setAttribute("href", url.pathname + q);
  }
}

function setFields(values) {
  for (const [k, v] of Object.entries(values)) {
    const field = form.elements.namedItem(k);
    if (field && "value" in field) field.value = v == null ? "" : String(v);
  }
}

function init() {
  if (!form) return;
  form.addEventListener("submit", () => {
    // empty fields would put "entity=&type=" in the shared URL
    for (const el of form.elements) {
      if (el.name && "value" in el && String(el.value).trim() === "") el.disabled = true;
    }
  });
  for (const el of form.elements) {  // with those outside it (form="filter-bar")
    if (el.tagName === "SELECT") el.addEventListener("change", () => form.requestSubmit());
  }
  form.addEventListener("input", carryLinks);
  const copy = form.querySelector("button.copy-link");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(window.location.href);
        copy.textContent = "Copied";
      } catch (e) {
        copy.textContent = "Copy the address bar";
      }
    });
  }
  document.addEventListener("marsad:filters", (ev) => {
    const detail = ev.detail || {};
    const { apply, ...values } = detail;
    setFields(values);
    carryLinks();
    if (apply) {
      window.location.search = query();
    } else {
      history.replaceState(null, "", window.location.pathname + query());
    }
  });
  carryLinks();
}

init();
