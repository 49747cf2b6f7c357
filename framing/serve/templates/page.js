(function () {
  "use strict";
  var list = document.getElementById("articles");
  var add = document.getElementById("add-article");
  var status = document.getElementById("status");
  var form = document.getElementById("compare-form");
  var files = document.getElementById("files");
  var filesStatus = document.getElementById("files-status");
  if (!list || !add || !form) { return; }
  var most = parseInt(list.getAttribute("data-max"), 10) || 40;

  function renumber(block, n) {
    var ending = /-\d+$/;
    block.querySelector("legend").textContent = "Article " + n;
    block.querySelectorAll("[name], [id], label[for]").forEach(function (el) {
      if (el.name) { el.name = el.name.replace(ending, "-" + n); }
      if (el.id) { el.id = el.id.replace(ending, "-" + n); }
      if (el.htmlFor) { el.htmlFor = el.htmlFor.replace(ending, "-" + n); }
    });
    block.querySelectorAll("label[for^=text-]").forEach(function (el) { el.textContent = "Text of article " + n; });
  }

  add.hidden = false;
  add.addEventListener("click", function () {
    var blocks = list.querySelectorAll("fieldset.article");
    if (blocks.length >= most) {
      status.textContent = "This page takes up to " + most + " articles at a time.";
      return;
    }
    var copy = blocks[blocks.length - 1].cloneNode(true);
    copy.querySelectorAll("input[type=text], textarea").forEach(function (el) { el.value = ""; });
    copy.querySelectorAll("input[type=checkbox]").forEach(function (el) { el.checked = false; });
    renumber(copy, blocks.length + 1);
    list.appendChild(copy);
    copy.querySelector("input[type=text]").focus();
    status.textContent = "Article " + (blocks.length + 1) + " added.";
  });

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1) + " MB"; }
  if (files && filesStatus) {
    files.addEventListener("change", function () {
      var perFile = parseInt(files.getAttribute("data-max-file"), 10);
      var total = parseInt(files.getAttribute("data-max-total"), 10);
      var sum = 0, big = [];
      Array.prototype.forEach.call(files.files, function (f) {
        sum += f.size;
        if (f.size > perFile) { big.push(f.name + " (" + megabytes(f.size) + ")"); }
      });
      if (big.length) {
        filesStatus.textContent = "Too large (at most " + megabytes(perFile) + " a file): " + big.join(", ") + ". Split it into smaller files.";
      } else if (sum > total) {
        filesStatus.textContent = "Together these files are " + megabytes(sum) + "; at most " + megabytes(total) + " can be sent at once. Choose fewer.";
      } else {
        filesStatus.textContent = files.files.length ? files.files.length + (files.files.length === 1 ? " file" : " files") + " chosen." : "";
      }
    });
  }

  form.addEventListener("submit", function () {
    form.setAttribute("aria-busy", "true");
    status.textContent = "Analysing… this takes a few seconds.";
  });
})();
