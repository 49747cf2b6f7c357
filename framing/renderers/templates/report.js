(function () {
  "use strict";
  var boxes = document.querySelectorAll("input[data-toggle]");
  function apply(box) {
    document.body.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
  }
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener("change", function (event) { apply(event.target); });
    apply(boxes[i]);
  }
  // A long legend shows its first entries and a button for the rest; without this
  // script every entry shows and the button stays hidden.
  var buttons = document.querySelectorAll("button.show-all");
  function show(button, all) {
    button.parentNode.classList.toggle("collapsed", !all);
    button.setAttribute("aria-expanded", all ? "true" : "false");
    button.textContent = button.getAttribute(all ? "data-fewer" : "data-all");
  }
  for (var j = 0; j < buttons.length; j++) {
    buttons[j].hidden = false;
    buttons[j].addEventListener("click", function (event) {
      var button = event.currentTarget;
      show(button, button.getAttribute("aria-expanded") !== "true");
    });
    show(buttons[j], false);
  }
})();
