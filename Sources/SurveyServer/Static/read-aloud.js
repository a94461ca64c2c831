// "Lees voor": reads a question and its answers aloud with the browser's own speech synthesis.
// Progressive enhancement: the buttons stay hidden when the browser cannot speak, and the form works without this file.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") { return; }
  var lang = document.documentElement.lang || "nl";
  function textOf(block) {
    var parts = [];
    block.querySelectorAll(".qtext, .help, .option .label, .other label").forEach(function (el) {
      parts.push(el.textContent.trim());
    });
    return parts.join(". ");
  }
  document.querySelectorAll("button.read-aloud").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var block = document.getElementById(button.getAttribute("data-read"));
      if (!block) { return; }
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(textOf(block));
      utterance.lang = lang;
      utterance.rate = 0.9;
      window.speechSynthesis.speak(utterance);
    });
  });
})();
