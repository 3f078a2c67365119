// Budget lines edited in place (account page). Every page works without this file: each
// row's form posts and the page reloads. With it, "Save" sends the row's cells to the API
// (PATCH /api/v1/productions/{id}/budgets/{id}/lines/{id}) with the version the row was read
// at, then shows the new totals without a reload. A 409 means someone else changed the line
// since the page was opened: the row says so and offers a reload; nothing is overwritten.
"use strict";

(function () {
  const FIELDS = ["description", "amount", "unit", "x", "rate", "fringes", "person"];

  function money(text) { return Number(text).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }

  function show(form, message, kind) {
    const status = form.querySelector(".status");
    status.textContent = message;
    status.className = "status " + (kind || "");
  }

  function body(form) {
    const data = { version: Number(form.elements.version.value) };
    FIELDS.forEach((name) => {
      const input = form.elements[name];
      if (!input) { return; }
      data[name] = name === "fringes" ? input.value.split(/[\s,]+/).filter(Boolean) : input.value;
    });
    return data;
  }

  function showValue(row, name, value, typed) {
    const box = row.querySelector('[data-value="' + name + '"]');
    if (box) { box.textContent = typed.startsWith("=") ? (value === null ? "error" : value) : ""; }
  }

  function applyResult(form, result) {
    const row = document.getElementById("line-" + result.line.id);
    const line = result.line;
    form.elements.version.value = line.version;
    row.querySelector('[data-total="line"]').textContent = money(line.total);
    row.querySelector('[data-total="fringes"]').textContent = money(line.fringe_total);
    ["amount", "x", "rate"].forEach((name) => {
      form.elements[name].value = line[name];
      showValue(row, name, line[name + "_value"], line[name]);
    });
    const account = document.getElementById("account-total");
    if (account && result.totals.accounts[account.dataset.account] !== undefined) {
      account.textContent = money(result.totals.accounts[account.dataset.account]);
    }
    const grand = document.getElementById("grand-total");
    if (grand) { grand.textContent = money(result.totals.grand_total); }
    row.querySelectorAll("p.error").forEach((p) => p.remove());
    const first = row.querySelector("td");
    line.problems.forEach((problem) => {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = problem;
      first.appendChild(p);
    });
    show(form, "Saved", "ok");
  }

  function failure(form, status, error) {
    if (status === 409) {
      show(form, "Changed by someone else since you opened it. ", "conflict");
      const reload = document.createElement("a");
      reload.href = window.location.pathname + "#" + form.id.replace("f-", "line-");
      reload.textContent = "Reload to see their changes";
      reload.addEventListener("click", (event) => { event.preventDefault(); window.location.reload(); });
      form.querySelector(".status").appendChild(reload);
      return;
    }
    // The message of a 400 names every bad field already (services list them all).
    show(form, error && error.message ? error.message : "Not saved.", "error");
  }

  function save(event) {
    const form = event.target;
    event.preventDefault();
    show(form, "Saving\u2026", "");
    fetch(form.dataset.api, {
      method: "PATCH",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": form.elements.csrfmiddlewaretoken.value },
      body: JSON.stringify(body(form)),
    })
      .then((response) => response.json().then((data) => ({ status: response.status, data })))
      .then(({ status, data }) => {
        if (status === 200) { applyResult(form, data); } else { failure(form, status, data.error); }
      })
      .catch(() => show(form, "Not saved: the server could not be reached.", "error"));
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("table[data-budget-lines][data-editable] form[data-api]").forEach((form) => {
      form.addEventListener("submit", save);
    });
  });
})();
