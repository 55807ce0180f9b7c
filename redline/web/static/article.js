// Article view: a click on a reference [n] highlights every piece of its evidence span and scrolls to it.
(function () {
  "use strict";
  function activate(key) {
    document.querySelectorAll(".ev.active").forEach(function (el) { el.classList.remove("active"); });
    var pieces = document.querySelectorAll(".ev." + CSS.escape(key));
    pieces.forEach(function (el) { el.classList.add("active"); });
    if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.evref");
    if (!link || !link.dataset.ev || link.getAttribute("href").charAt(0) !== "#") return;
    event.preventDefault();
    history.replaceState(null, "", "#" + link.dataset.ev);
    activate(link.dataset.ev);
  });
  if (location.hash.indexOf("#ev-") === 0) activate(location.hash.slice(1));
})();
