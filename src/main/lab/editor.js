// The lab's paragraph editor: CodeMirror 6 with a highlighter for the three kinds of paragraph the
// course has (the %prodml.<stage>(key=value) line, %md text, DRL rules) and completion from the
// interpreter's completion API. scripts/lab-editor.sh bundles this file with its packages into
// src/main/resources/org/prodml/lab/static/editor.js; the page's lab.js calls createEditor.
import {EditorState} from "@codemirror/state";
import {EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection} from "@codemirror/view";
import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching} from "@codemirror/language";
import {autocompletion, completionKeymap} from "@codemirror/autocomplete";
import {tags} from "@lezer/highlight";

const DRL_KEYWORDS = new Set(["package", "import", "rule", "when", "then", "end", "not", "exists",
  "eval", "from", "collect", "accumulate", "insert", "and", "or", "global", "function", "query",
  "salience", "true", "false", "null"]);

// One tokenizer for a whole paragraph: its first line names the interpreter, which decides how the
// rest is read.
const paragraph = StreamLanguage.define({
  name: "prodml",
  startState: () => ({kind: null, inParens: false, inComment: false}),
  token(stream, state) {
    if (state.kind === null) { // the interpreter line
      if (stream.sol() && stream.match(/^\s*%[\w.]+/)) {
        const binding = stream.current().trim();
        state.kind = binding === "%md" ? "md" : binding === "%prodml.rules" ? "drl" : "prodml";
        return "keyword";
      }
      state.kind = state.kind || "prodml";
    }
    if (stream.sol() && state.kind !== "drl" && state.inParens === false && stream.string.trim() === "") {
      stream.skipToEnd();
      return null;
    }
    if (state.kind === "md") return markdown(stream);
    if (state.kind === "drl") return drl(stream, state);
    return properties(stream, state);
  },
});

function properties(stream, state) {
  if (stream.eat("(")) { state.inParens = true; return "bracket"; }
  if (stream.eat(")")) { state.inParens = false; return "bracket"; }
  if (state.inParens) {
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
    if (stream.match(/^[\w.-]+(?=\s*=)/)) return "propertyName";
    if (stream.eat("=") || stream.eat(",")) return "operator";
    if (stream.match(/^[^,)"]+/)) return "string";
  }
  stream.next();
  return null;
}

function markdown(stream) {
  if (stream.sol() && stream.match(/^#{1,6}\s.*/)) return "heading";
  if (stream.match(/^`[^`]*`/)) return "monospace";
  if (stream.match(/^\*\*[^*]+\*\*/)) return "strong";
  if (stream.match(/^\*[^*]+\*/)) return "emphasis";
  if (stream.match(/^\[[^\]]*\]\([^)]*\)/)) return "link";
  if (stream.sol() && stream.match(/^\s*(?:[-*]|\d+\.)\s/)) return "list";
  stream.next();
  return null;
}

function drl(stream, state) {
  if (state.inComment) {
    if (stream.match(/^.*?\*\//)) state.inComment = false; else stream.skipToEnd();
    return "comment";
  }
  if (stream.match("//")) { stream.skipToEnd(); return "comment"; }
  if (stream.match("/*")) { state.inComment = true; return "comment"; }
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
  if (stream.match(/^@\w+/)) return "meta";
  if (stream.match(/^\$\w+/)) return "variableName";
  if (stream.match(/^\d+(?:\.\d+)?/)) return "number";
  if (stream.match(/^[A-Za-z_]\w*/)) {
    const word = stream.current();
    if (DRL_KEYWORDS.has(word)) return "keyword";
    return /^[A-Z]/.test(word) ? "typeName" : null;
  }
  if (stream.match(/^(?:==|!=|<=|>=|&&|\|\||[<>:])/)) return "operator";
  stream.next();
  return null;
}

const style = HighlightStyle.define([
  {tag: tags.keyword, color: "#7a3e9d", fontWeight: "600"},
  {tag: tags.propertyName, color: "#1f5fa8"},
  {tag: tags.string, color: "#2f7d32"},
  {tag: tags.number, color: "#b4530b"},
  {tag: tags.comment, color: "#7a8599", fontStyle: "italic"},
  {tag: tags.meta, color: "#a15c00"},
  {tag: tags.typeName, color: "#0f766e"},
  {tag: tags.variableName, color: "#9d174d"},
  {tag: tags.heading, color: "#1d2330", fontWeight: "700"},
  {tag: tags.strong, fontWeight: "700"},
  {tag: tags.emphasis, fontStyle: "italic"},
  {tag: tags.monospace, color: "#9d174d"},
  {tag: tags.link, color: "#1f5fa8", textDecoration: "underline"},
  {tag: tags.list, color: "#a15c00"},
]);

/**
 * An editor in `parent` holding `doc`. options.complete(text, cursor) returns a promise of
 * [{word, meta}]; options.run() is called on Shift-Enter; options.change(text) after each edit.
 * Returns {view, text(), setText(s), focus()}.
 */
export function createEditor(parent, doc, options) {
  const completionSource = async (context) => {
    const word = context.matchBefore(/[\w.\-]*/);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const items = await options.complete(context.state.doc.toString(), context.pos);
    return {
      from: word ? word.from : context.pos,
      options: items.map((i) => ({label: i.word, detail: i.meta})),
      validFor: /^[\w.\-]*$/,
    };
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(),
        paragraph, syntaxHighlighting(style),
        autocompletion({override: [completionSource]}),
        keymap.of([
          {key: "Shift-Enter", run: () => { options.run(); return true; }},
          ...completionKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab,
        ]),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => { if (u.docChanged) options.change(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText: (s) => view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: s}}),
    focus: () => view.focus(),
  };
}
