/**
 * Syntax colouring for the playground's editor: a small CodeMirror stream tokenizer with the
 * same classes the VS Code extension's TextMate grammar gives (comments, strings, variables,
 * keywords, actions, condition keys). The keyword list is arp's lexer's, embedded at build time.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { KEYWORDS } from "arp:keywords";

const keywords = new Set(KEYWORDS);

interface State {
  inBlockComment: boolean;
}

const arp: StreamParser<State> = {
  name: "arp",
  startState: () => ({ inBlockComment: false }),
  token(stream, state) {
    if (state.inBlockComment) {
      if (stream.skipTo("*/")) {
        stream.pos += 2;
        state.inBlockComment = false;
      } else stream.skipToEnd();
      return "comment";
    }
    if (stream.eatSpace()) return null;
    if (stream.match("//")) {
      stream.skipToEnd();
      return "comment";
    }
    if (stream.match("/*")) {
      state.inBlockComment = true;
      return "comment";
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'(?:[^'\\]|\\.)*'?/)) return "string";
    if (stream.match(/^\$[\w.:/-]+/)) return "variableName";
    // A word runs through `/`, `*` and `${...}` as the lexer's does: `service/*` is no comment.
    if (stream.match(/^[A-Za-z0-9_*][\w*?./:${}-]*/)) {
      const word = stream.current();
      if (keywords.has(word)) return "keyword";
      // `service:Action` is an action; `aws:Key` and `service:key/tag` are condition keys.
      if (/^[a-z0-9-]+:[A-Z*?][\w*?]*$/.test(word)) return "variableName.function";
      if (/^[a-z0-9.-]+:[\w./-]+$/.test(word) && !word.startsWith("arn:")) return "propertyName";
      return "name";
    }
    if (stream.match(/^(?:!=|<=|>=|\?\?|[=<>])/)) return "operator";
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "//", block: { open: "/*", close: "*/" } } },
};

const style = HighlightStyle.define([
  { tag: tags.comment, color: "#6a737d", fontStyle: "italic" },
  { tag: tags.string, color: "#032f62" },
  { tag: tags.keyword, color: "#d73a49", fontWeight: "bold" },
  { tag: tags.function(tags.variableName), color: "#6f42c1" },
  { tag: tags.propertyName, color: "#005cc5" },
  { tag: tags.variableName, color: "#e36209" },
  { tag: tags.operator, color: "#d73a49" },
]);

/** The editor extensions that colour `.arp`. */
export const arpHighlighting = [StreamLanguage.define(arp), syntaxHighlighting(style)];
