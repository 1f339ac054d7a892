// ProdML Lab in the browser: plain fetch against the lab's JSON API. Each paragraph gets a
// CodeMirror editor; edits are saved to the learner's workspace as they are typed; Run sends the
// text, then waits for the result while the progress bar follows the interpreter's progress.
import {createEditor} from "/static/editor.js";

const csrf = document.querySelector('meta[name="csrf"]').content;
const noteId = document.body.dataset.note;

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({error: response.statusText}));
  if (!response.ok) throw new Error(data.error || String(response.status));
  return data;
}

const paragraphs = new Map(); // id → {section, editor, saveTimer}

function status(section, value) {
  section.classList.remove("READY", "PENDING", "RUNNING", "FINISHED", "ERROR", "ABORT");
  section.classList.add(value);
  section.querySelector(".status").textContent = value;
  const running = value === "RUNNING" || value === "PENDING";
  section.querySelector(".cancel").hidden = !running;
  section.querySelector("progress").hidden = !running;
}

function message(section, text) {
  let line = section.querySelector(".message");
  if (!line) {
    line = document.createElement("p");
    line.className = "message";
    section.querySelector(".results").before(line);
  }
  line.textContent = text;
}

function saved(text) {
  const label = document.getElementById("saved");
  if (label) label.textContent = text;
}

async function save(id) {
  const p = paragraphs.get(id);
  clearTimeout(p.saveTimer);
  p.saveTimer = null;
  try {
    await api("POST", `/api/notes/${noteId}/paragraphs/${id}/text`, {text: p.editor.text()});
    saved("saved to your workspace");
  } catch (e) {
    message(p.section, e.message);
  }
}

function show(id, state) {
  const p = paragraphs.get(id);
  status(p.section, state.status);
  p.section.querySelector(".results").innerHTML = state.results;
  p.section.querySelector(".forms").innerHTML = state.forms;
  const exercise = p.section.querySelector(".exercise");
  if (exercise && state.exercise) exercise.innerHTML = state.exercise;
  message(p.section, "");
}

// Follows a queued or running paragraph: its progress bar until it has finished, then its result.
async function follow(id) {
  const p = paragraphs.get(id);
  let done = false;
  const poll = setInterval(async () => {
    if (done) return;
    const note = await api("GET", `/api/notes/${noteId}`).catch(() => null);
    const mine = note && note.paragraphs.find((x) => x.id === id);
    if (mine && !done) {
      status(p.section, mine.status);
      p.section.querySelector("progress").value = mine.progress;
    }
  }, 300);
  try {
    let state;
    do {
      state = await api("GET", `/api/notes/${noteId}/paragraphs/${id}?wait=true`);
    } while (state.status === "RUNNING" || state.status === "PENDING");
    done = true;
    show(id, state);
    return state;
  } finally {
    done = true;
    clearInterval(poll);
  }
}

async function run(id, extra = {}) {
  const p = paragraphs.get(id);
  clearTimeout(p.saveTimer);
  status(p.section, "PENDING");
  try {
    await api("POST", `/api/notes/${noteId}/paragraphs/${id}/run`, {text: p.editor.text(), ...extra});
    saved("saved to your workspace");
    return await follow(id);
  } catch (e) {
    status(p.section, "ERROR");
    message(p.section, e.message);
    return null;
  }
}

async function runFrom(id) {
  for (const [other, p] of paragraphs) if (p.saveTimer) await save(other);
  try {
    const queued = await api("POST", `/api/notes/${noteId}/run-all`, id ? {from: id} : {});
    for (const other of queued.paragraphs) status(paragraphs.get(other).section, "PENDING");
    for (const other of queued.paragraphs) await follow(other);
  } catch (e) {
    alert(e.message);
  }
}

function exerciseActions(section) {
  section.addEventListener("click", async (event) => {
    const panel = event.target.closest(".exercise-panel");
    if (!panel) return;
    const exercise = panel.dataset.exercise;
    if (event.target.classList.contains("reset-exercise")) {
      if (!confirm("Forget your attempts and hints, and put the ✎ paragraphs back as the course ships them?")) return;
      await api("POST", `/api/exercises/${exercise}/reset`).catch((e) => alert(e.message));
      location.reload();
    } else if (event.target.classList.contains("show-solution")) {
      try {
        const solution = await api("GET", `/api/exercises/${exercise}/solution`);
        const box = panel.querySelector(".solution");
        box.textContent = "";
        for (const [paragraph, text] of Object.entries(solution.paragraphs)) {
          const title = document.createElement("p");
          title.textContent = `The course's answer for ${paragraph}:`;
          const pre = document.createElement("pre");
          pre.textContent = text;
          box.append(title, pre);
        }
      } catch (e) {
        alert(e.message);
      }
    }
  });
}

function notePage() {
  for (const section of document.querySelectorAll("section.paragraph")) {
    const id = section.dataset.id;
    const source = section.querySelector("textarea.source");
    const p = {section, saveTimer: null};
    p.editor = createEditor(section.querySelector(".editor"), source.value, {
      run: () => run(id),
      change: () => {
        clearTimeout(p.saveTimer);
        p.saveTimer = setTimeout(() => save(id), 800);
        saved("editing…");
      },
      complete: async (text, cursor) =>
        (await api("POST", `/api/notes/${noteId}/completion`, {paragraph: id, text, cursor})).completions,
    });
    paragraphs.set(id, p);
    section.querySelector(".run").addEventListener("click", () => run(id));
    section.querySelector(".run-from").addEventListener("click", () => runFrom(id));
    section.querySelector(".cancel").addEventListener("click", () =>
      api("POST", `/api/notes/${noteId}/paragraphs/${id}/cancel`).catch((e) => message(section, e.message)));
    const edit = section.querySelector(".edit");
    if (edit) {
      edit.addEventListener("click", () => {
        const editing = section.classList.toggle("editing");
        edit.textContent = editing ? "Done" : "Edit";
        if (!editing) run(id);
      });
    }
    section.querySelector(".forms").addEventListener("change", (event) => {
      if (event.target.tagName === "SELECT") run(id, {forms: {[event.target.name]: event.target.value}});
    });
    exerciseActions(section);
    if (section.classList.contains("PENDING") || section.classList.contains("RUNNING")) follow(id);
  }
  document.getElementById("run-all").addEventListener("click", () => runFrom(null));
  const restore = document.getElementById("restore");
  if (restore) {
    restore.addEventListener("click", async () => {
      if (!confirm("Put this note back as the course ships it? Your edits to it are lost.")) return;
      await api("POST", `/api/notes/${noteId}/restore`).catch((e) => alert(e.message));
      location.reload();
    });
  }
  document.getElementById("add-paragraph").addEventListener("click", async () => {
    await api("POST", `/api/notes/${noteId}/paragraphs`, {});
    location.reload();
  });
}

function homePage() {
  const form = document.getElementById("new-note");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const note = await api("POST", "/api/notes", {name: form.elements.name.value});
      location.href = note.href;
    } catch (e) {
      alert(e.message);
    }
  });
}

if (noteId) notePage(); else homePage();
window.prodmlLab = {paragraphs, run, runFrom};
