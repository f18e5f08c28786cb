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
    if (reveal) { event.preventDefault(); reveal.click(); }
  } else if (["1", "2", "3", "4"].indexOf(event.key) >= 0) {
    var button = review.querySelector('[data-rating="' + event.key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  }
});
