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
})();
