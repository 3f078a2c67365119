// The stripboard's moves: drag and drop (the HTML drag-and-drop API) and a keyboard
// alternative (focus a strip, Space to pick it up, arrows / Page Up / Page Down / B to move
// it, Space or Escape to put it down; or the buttons of the move bar). Every move is sent
// to the API at once (POST .../schedules/strips/<id>/move with the schedule's version); the
// answer redraws the totals of the days touched, every conflict on the strips that cause
// it, and the cost and budget effect (money roles). A 409 (someone else changed the
// schedule) puts the strip back and asks for a reload. Without this script the page's move
// form does the same.
"use strict";

(function () {
  const board = document.getElementById("board");
  if (!board || !board.classList.contains("editable")) { return; }
  const status = document.getElementById("move-status");
  const tools = document.getElementById("move-tools");
  const selectedLabel = document.getElementById("selected-strip");
  const csrf = board.querySelector("input[name=csrfmiddlewaretoken]").value;
  let picked = null;
  let dragged = null;
  let busy = false;

  const lists = () => Array.from(board.querySelectorAll("ol.strips"));
  const say = (text, failed) => {
    status.textContent = text;
    status.classList.toggle("failed", Boolean(failed));
  };
  const dayOf = (list) => (list.dataset.day ? Number(list.dataset.day) : null);
  const sceneLabel = (strip) => "scene " + strip.dataset.scene;

  function setVersion(version) {
    board.dataset.version = String(version);
    document.querySelectorAll("input[name=version]").forEach((input) => { input.value = version; });
  }

  function drawDay(day) {
    const section = document.getElementById("day-" + day.id);
    if (!section) { return; }
    section.querySelector("[data-total=length]").textContent = day.length;
    section.querySelector("[data-total=hours]").textContent = day.hours;
    section.querySelector("[data-total=moves]").textContent =
      day.move_minutes ? " (moves " + day.move_minutes + " min)" : "";
  }

  function conflictSpan(message) {
    const span = document.createElement("span");
    span.className = "conflict";
    span.textContent = "\u26a0 " + message;
    return span;
  }

  function drawConflicts(conflicts) {
    board.querySelectorAll(".strip").forEach((strip) => {
      strip.classList.remove("has-conflict");
      strip.querySelector(".conflicts").replaceChildren();
    });
    board.querySelectorAll(".day-conflicts").forEach((box) => box.replaceChildren());
    const list = document.getElementById("conflicts");
    list.replaceChildren();
    let errors = 0;
    conflicts.filter((c) => c.severity === "error").forEach((conflict) => {
      errors += 1;
      const item = document.createElement("li");
      item.textContent = conflict.message;
      list.appendChild(item);
      conflict.strips.forEach((scene) => {
        const strip = board.querySelector('.strip[data-scene="' + CSS.escape(scene) + '"]');
        if (strip) {
          strip.classList.add("has-conflict");
          strip.querySelector(".conflicts").appendChild(conflictSpan(conflict.message));
        }
      });
      if (!conflict.strips.length && conflict.day !== null) {
        const section = board.querySelector('section.day[data-number="' + conflict.day + '"]');
        if (section) { section.querySelector(".day-conflicts").appendChild(conflictSpan(conflict.message)); }
      }
    });
    if (!errors) {
      const none = document.createElement("li");
      none.className = "help";
      none.textContent = "None.";
      list.appendChild(none);
    }
    const count = document.getElementById("error-count");
    if (count) { count.textContent = String(errors); }
  }

  function drawMoney(answer) {
    if (answer.cost) {
      Object.entries(answer.cost).forEach(([key, value]) => {
        const cell = document.querySelector('[data-cost="' + key + '"]');
        if (cell) { cell.textContent = value; }
      });
    }
    if (answer.budget) {
      Object.entries(answer.budget).forEach(([key, value]) => {
        const cell = document.querySelector('[data-budget="' + key + '"]');
        if (cell) { cell.textContent = value; }
      });
    }
  }

  // Put `strip` at `position` of `list` in the page (position among the other strips).
  function place(strip, list, position) {
    const others = Array.from(list.children).filter((item) => item !== strip);
    list.insertBefore(strip, others[position] || null);
  }

  function move(strip, list, position) {
    if (busy) { return Promise.resolve(); }
    const from = strip.parentElement;
    const before = strip.nextElementSibling;
    busy = true;
    place(strip, list, position);
    say("Moving " + sceneLabel(strip) + "\u2026");
    return fetch(board.dataset.moveUrl + strip.dataset.strip + "/move", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ day_id: dayOf(list), position: position, version: Number(board.dataset.version) }),
    }).then((response) => response.json().then((body) => ({ ok: response.ok, code: response.status, body })))
      .then(({ ok, code, body }) => {
        if (!ok) {
          from.insertBefore(strip, before);
          const message = body.error ? body.error.message : "The move failed.";
          say(code === 409 ? message + " Reload the page to see the schedule as it is now." : message, true);
          return;
        }
        setVersion(body.version);
        body.days.forEach(drawDay);
        drawConflicts(body.conflicts);
        drawMoney(body);
        say("Moved " + sceneLabel(strip) + (dayOf(list) ? "." : " to the boneyard."));
      })
      .catch(() => { from.insertBefore(strip, before); say("The move could not be sent; check the connection.", true); })
      .finally(() => { busy = false; if (picked === strip) { strip.focus(); } });
  }

  // ---- drag and drop ----
  function dropIndex(list, y) {
    const others = Array.from(list.children).filter((item) => item !== dragged);
    const index = others.findIndex((item) => {
      const box = item.getBoundingClientRect();
      return y < box.top + box.height / 2;
    });
    return index === -1 ? others.length : index;
  }

  function clearMarks() {
    board.querySelectorAll(".drop-target").forEach((el) => el.classList.remove("drop-target"));
    board.querySelectorAll(".drop-before").forEach((el) => el.classList.remove("drop-before"));
  }

  board.addEventListener("dragstart", (event) => {
    const strip = event.target.closest(".strip");
    if (!strip) { return; }
    dragged = strip;
    strip.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", strip.dataset.strip);
  });
  board.addEventListener("dragend", () => {
    if (dragged) { dragged.classList.remove("dragging"); }
    dragged = null;
    clearMarks();
  });
  board.addEventListener("dragover", (event) => {
    const list = event.target.closest("ol.strips");
    if (!list || !dragged) { return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    clearMarks();
    list.classList.add("drop-target");
    const others = Array.from(list.children).filter((item) => item !== dragged);
    const target = others[dropIndex(list, event.clientY)];
    if (target) { target.classList.add("drop-before"); }
  });
  board.addEventListener("drop", (event) => {
    const list = event.target.closest("ol.strips");
    if (!list || !dragged) { return; }
    event.preventDefault();
    const strip = dragged;
    const position = dropIndex(list, event.clientY);
    clearMarks();
    move(strip, list, position);
  });

  // ---- keyboard and the move bar ----
  function pick(strip) {
    if (picked) { picked.classList.remove("picked"); picked.setAttribute("aria-pressed", "false"); }
    picked = strip;
    tools.hidden = !strip;
    if (!strip) { say(""); return; }
    strip.classList.add("picked");
    strip.setAttribute("aria-pressed", "true");
    selectedLabel.textContent = "Moving " + sceneLabel(strip) + ":";
    say("Picked up " + sceneLabel(strip) + ". Arrows move it; Space puts it down.");
  }

  function step(direction) {
    if (!picked) { return; }
    const all = lists();
    const list = picked.parentElement;
    const others = Array.from(list.children).filter((item) => item !== picked);
    const index = Array.from(list.children).indexOf(picked);
    const at = all.indexOf(list);
    if (direction === "up") {
      if (index > 0) { move(picked, list, index - 1); } else if (at > 0) { move(picked, all[at - 1], all[at - 1].children.length); }
    } else if (direction === "down") {
      if (index < others.length) { move(picked, list, index + 1); } else if (at < all.length - 1) { move(picked, all[at + 1], 0); }
    } else if (direction === "prev-day" && at > 0) {
      move(picked, all[at - 1], all[at - 1].children.length);
    } else if (direction === "next-day" && at < all.length - 1) {
      move(picked, all[at + 1], 0);
    } else if (direction === "boneyard") {
      const bone = all[all.length - 1];
      if (list !== bone) { move(picked, bone, bone.children.length); }
    } else if (direction === "done") {
      const strip = picked;
      pick(null);
      strip.focus();
    }
  }

  const KEYS = { ArrowUp: "up", ArrowDown: "down", PageUp: "prev-day", PageDown: "next-day", b: "boneyard", B: "boneyard" };
  board.addEventListener("keydown", (event) => {
    const strip = event.target.closest(".strip");
    if (!strip) { return; }
    if (event.key === " " || event.key === "Enter") {
      event.preventDefault();
      pick(picked === strip ? null : strip);
      strip.focus();
    } else if (event.key === "Escape" && picked) {
      event.preventDefault();
      pick(null);
      strip.focus();
    } else if (picked === strip && KEYS[event.key]) {
      event.preventDefault();
      step(KEYS[event.key]);
    }
  });
  board.addEventListener("click", (event) => {
    const strip = event.target.closest(".strip");
    if (strip && !event.target.closest("a, button, input")) { pick(picked === strip ? null : strip); }
  });
  tools.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (button) { step(button.dataset.move); }
  });
})();
