// Lynchpin's small page behaviours; every page works without them.
// 1. <div class="task-run" data-task-url="..." data-done-url="...">: poll a background task's
//    progress (JSON from /api/v1/productions/{id}/tasks/{run}) into its <progress> and message;
//    go to data-done-url when it succeeds.
// 2. <form data-confirm="Question?">: ask before submitting (removals, revocations).
"use strict";

function pollTaskRun(box) {
  const bar = box.querySelector("progress");
  const text = box.querySelector(".task-message");
  const tick = () => {
    fetch(box.dataset.taskUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) { throw new Error(body.error ? body.error.message : "Cannot read progress"); }
        if (bar) { bar.value = body.progress; }
        if (text) { text.textContent = body.message; }
        if (body.status === "failed") { box.classList.add("failed"); return; }
        if (body.finished) {
          if (box.dataset.doneUrl) { window.location.assign(box.dataset.doneUrl); }
          return;
        }
        window.setTimeout(tick, 1000);
      })
      .catch((error) => { if (text) { text.textContent = error.message; } box.classList.add("failed"); });
  };
  tick();
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".task-run[data-task-url]").forEach(pollTaskRun);
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
});
