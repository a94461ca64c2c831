// The kiosk, a school device that one parent after another uses. Progressive enhancement: the server's
// one-time page tokens and its idle time are the guarantee, this script is the courtesy on top.
// - Forms show what the server sent: the browser's own refill of a page fetched again on Back is undone.
// - A page the browser restores from its back/forward cache (Chromium does so even with no-store) is
//   hidden and reloaded, so the server decides what to show: never the previous parent's answers.
// - Idle means no input: every input, click, key, touch or scroll restarts the time, and the server
//   hears "still here" now and then, so a parent who keeps answering is never sent away.
// - When the time is up, the page is posted as a draft (saved under the code, not sent) and the server
//   shows the start screen; on the start screen a typed code is cleared.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.classList.contains("kiosk")) { return; }

  // A page fetched again on Back may come filled in by the browser with what was typed there before,
  // possibly by the previous parent: show what the server sent, nothing else.
  document.querySelectorAll("form").forEach(function (form) { form.reset(); });

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      body.hidden = true;
      window.location.reload();
    }
  });
  // What the back/forward cache keeps of this page shows nothing.
  window.addEventListener("pagehide", function () {
    body.hidden = true;
    document.querySelectorAll("input.code").forEach(function (field) { field.value = ""; });
  });

  var idle = parseFloat(body.getAttribute("data-idle"));
  if (!(idle > 0)) { return; }
  var stillHereEvery = (parseFloat(body.getAttribute("data-still-here")) || 5) * 1000;
  var form = document.querySelector("main form:not(.stop)");
  var answers = form && form.querySelector("input[name=shown]") ? form : null;
  var token = answers ? answers.querySelector("input[name=csrf]") : null;
  var lastStillHere = Date.now();  // loading this page told the server
  var timer = null;
  var leaving = false;

  function timeUp() {
    leaving = true;
    if (answers) {
      var draft = document.createElement("input");
      draft.type = "hidden";
      draft.name = "action";
      draft.value = "draft";
      answers.appendChild(draft);
      answers.submit();
    } else {
      window.location.replace("/kiosk");
    }
  }

  function stillHere() {
    var fields = new URLSearchParams();
    fields.append("csrf", token.value);
    fetch("/kiosk/alive", { method: "POST", body: fields, credentials: "same-origin" }).then(function (response) {
      // This page is not the current parent's any more: let the server show what is.
      if (response.status === 409) { window.location.replace("/kiosk"); }
    }).catch(function () { /* the server's own idle time still applies */ });
  }

  function restart() {
    if (leaving) { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(timeUp, idle * 1000);
    var now = Date.now();
    if (token && now - lastStillHere >= stillHereEvery) {
      lastStillHere = now;
      stillHere();
    }
  }

  ["input", "change", "click", "keydown", "pointerdown", "touchstart", "scroll"].forEach(function (type) {
    window.addEventListener(type, restart, { capture: true, passive: true });
  });
  if (answers) {
    answers.addEventListener("submit", function (event) {
      // A second press would post the page's used token again, and be refused.
      if (leaving) { event.preventDefault(); return; }
      leaving = true;
      window.clearTimeout(timer);
    });
  }
  restart();
})();
