// The review page: each decision is a POST to /api/v1/review/<id> with the bearer token typed into the page.
(function () {
  "use strict";
  var status = document.getElementById("review-status");
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.act");
    if (!button) { return; }
    var row = button.closest("tr.proposal");
    var reviewer = document.getElementById("reviewer").value.trim();
    var token = document.getElementById("token").value;
    if (!reviewer) { status.textContent = "Reviewer: give your name for the audit record."; return; }
    var changes = {};
    row.querySelectorAll("input.edit").forEach(function (input) {
      if (input.value.trim()) { changes[input.dataset.field] = input.value.trim(); }
    });
    var action = button.dataset.action;
    if (action !== "edit") { changes = action === "reject" ? {} : changes; }
    fetch("/api/v1/review/" + encodeURIComponent(row.dataset.id), {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token},
      body: JSON.stringify({action: action, reviewer: reviewer, changes: changes,
                            note: row.querySelector("input.note").value})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) { window.location.reload(); return; }
        status.textContent = "Not saved: " + ((body.error && body.error.message) || body.detail || response.status);
      });
    }).catch(function (error) { status.textContent = "Not saved: " + error; });
  });
})();
