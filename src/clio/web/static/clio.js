// Keyboard shortcuts for review: space reveals, 1-4 rate. Nothing else runs inline (CSP).
document.addEventListener("keydown", function (event) {
  var target = event.target;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) {
    return;
  }
  var review = document.querySelector("[data-review]");
  if (!review) { return; }
  if (event.key === " " || event.key === "Spacebar") {
    var reveal = review.querySelector("[data-reveal]");
    if (!reveal) { return; }
    event.preventDefault();  // Space shows the answer; pressed again it does not hide it
    if (!reveal.parentElement.open) { reveal.click(); }
  } else if (["1", "2", "3", "4"].indexOf(event.key) >= 0) {
    var button = review.querySelector('[data-rating="' + event.key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  }
});

// htmx does not swap error answers (4xx, 5xx) in: without this a refused answer, an expired
// session or a server error would show nothing. Show the error just above the form that asked
// (what was typed stays), clear it once the same control's next request succeeds, and take the
// session's CSRF token from the answer so pressing the button again works.
function clioErrorBox(form) {
  var box = form.previousElementSibling;
  return box && box.hasAttribute("data-request-error") ? box : null;
}

document.addEventListener("htmx:beforeSwap", function (event) {
  var detail = event.detail;
  var source = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
  var form = (source && source.closest && source.closest("form")) || source;
  if (!form || !form.parentNode) { return; }
  var old = clioErrorBox(form);
  if (detail.xhr.status < 400) {
    if (old && old.clioSource === source) { old.remove(); }
    return;
  }
  var token = detail.xhr.getResponseHeader("X-CSRF-Token");
  if (token) {
    var headers = JSON.stringify({"X-CSRF-Token": token});
    document.body.setAttribute("hx-headers", headers);
    document.querySelectorAll('input[name="csrf_token"]').forEach(function (input) { input.value = token; });
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) { meta.setAttribute("content", token); }
  }
  var box = old || document.createElement("div");
  if (!old) {
    box.setAttribute("data-request-error", "");
    form.parentNode.insertBefore(box, form);
  }
  box.clioSource = source;
  detail.shouldSwap = true;
  detail.isError = false;
  detail.target = box;
  detail.swapOverride = "innerHTML";
});

// When htmx replaces the control that had focus (a rating button, "Check answer"), focus would
// fall back to the page itself and a keyboard user would have to Tab from the top again: move it
// to the first control of what came in.
document.addEventListener("htmx:afterSwap", function (event) {
  var active = document.activeElement;
  if (active && active !== document.body && document.contains(active)) { return; }
  var next = event.detail.target.querySelector("summary, a[href], button, input:not([type=hidden]), select, textarea");
  if (next) { next.focus({preventScroll: true}); }
});
