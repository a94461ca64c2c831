// Shows a follow-up question the moment the answer that brings it up is ticked, so the parent does not have
// to press "Volgende" twice. Progressive enhancement: without this file the follow-up stays hidden and is
// not posted as shown; the server then brings the page back with the question and a notice, as before.
(function () {
  "use strict";
  var waiting = document.querySelectorAll("section.question[data-if]");
  if (!waiting.length) { return; }
  function update(section) {
    var field = section.getAttribute("data-if");
    var wanted = (section.getAttribute("data-if-answered") || "").split(" ");
    var form = section.closest("form");
    var met = false;
    if (form) {
      form.querySelectorAll("input[name='" + field + "']").forEach(function (input) {
        if (input.checked && wanted.indexOf(input.value) >= 0) { met = true; }
      });
    }
    section.hidden = !met;
    // Posted as shown only while visible: a hidden question is never required of the parent.
    var shown = section.querySelector("input[name=shown]");
    if (shown) { shown.disabled = !met; }
  }
  waiting.forEach(function (section) {
    update(section);
    var form = section.closest("form");
    if (!form) { return; }
    form.addEventListener("change", function (event) {
      if (event.target && event.target.name === section.getAttribute("data-if")) { update(section); }
    });
  });
})();
