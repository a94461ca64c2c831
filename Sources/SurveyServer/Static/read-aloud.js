// "Lees voor": reads a question and its answers aloud with the browser's own speech synthesis.
// Progressive enhancement: the buttons stay hidden unless this script runs and the browser has a voice for
// the page's language (a button that cannot speak would be a lie); the form works without this file.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") { return; }
  var lang = (document.documentElement.lang || "nl").toLowerCase();
  var buttons = document.querySelectorAll("button.read-aloud");
  if (!buttons.length) { return; }
  function voiceFor(language) {
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var own = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (own === language || own.indexOf(language + "-") === 0) { return voices[i]; }
    }
    return null;
  }
  function textOf(block) {
    var parts = [];
    block.querySelectorAll(".qtext, .help, .option .label, .other label").forEach(function (el) {
      parts.push(el.textContent.trim());
    });
    return parts.join(". ");
  }
  var shown = false;
  function show() {
    var voice = voiceFor(lang);
    if (shown || !voice) { return; }
    shown = true;
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var block = document.getElementById(button.getAttribute("data-read"));
        if (!block) { return; }
        window.speechSynthesis.cancel();
        var utterance = new SpeechSynthesisUtterance(textOf(block));
        utterance.lang = lang;
        utterance.voice = voice;
        utterance.rate = 0.9;
        window.speechSynthesis.speak(utterance);
      });
    });
  }
  // Voices often arrive a moment after the page: look now and again when the list changes.
  show();
  if (typeof window.speechSynthesis.addEventListener === "function") {
    window.speechSynthesis.addEventListener("voiceschanged", show);
  }
})();
