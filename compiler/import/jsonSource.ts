/**
 * A strict JSON reader (RFC 8259) that keeps the source span of every value and object key,
 * so that import diagnostics point into the JSON with a file, line and column. No comments,
 * no trailing commas: IAM accepts neither. Duplicate keys are kept (in order) for the policy
 * validation to report.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";

interface JsonBase {
  readonly span: Span;
}

export interface JsonEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: JsonNode;
}

export interface JsonObject extends JsonBase {
  readonly kind: "object";
  readonly entries: readonly JsonEntry[];
}

export interface JsonArray extends JsonBase {
  readonly kind: "array";
  readonly items: readonly JsonNode[];
}

export interface JsonString extends JsonBase {
  readonly kind: "string";
  readonly value: string;
}

export interface JsonNumber extends JsonBase {
  readonly kind: "number";
  readonly value: number;
  /** The number as written. */
  readonly text: string;
}

export interface JsonBoolean extends JsonBase {
  readonly kind: "boolean";
  readonly value: boolean;
}

export interface JsonNull extends JsonBase {
  readonly kind: "null";
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

/** The parsed value, or a syntax error (ARP6001) at the first place the text stops being JSON. */
export type JsonParseResult = { readonly value: JsonNode } | { readonly error: Diagnostic };

/** Deeper nesting than any policy needs; it keeps the recursion far from the stack limit. */
const MAX_DEPTH = 256;

const ESCAPES: ReadonlyMap<string, string> = new Map([['"', '"'], ["\\", "\\"], ["/", "/"], ["b", "\b"], ["f", "\f"], ["n", "\n"], ["r", "\r"], ["t", "\t"]]);

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {
  constructor(readonly start: number, readonly end: number, message: string, readonly hint?: string) {
    super(message);
  }
}

/** Parses `text` (the contents of `file`); a leading byte-order mark is skipped. */
export function parseJson(text: string, file: string): JsonParseResult {
  const reader = new JsonReader(text, file);
  try {
    return { value: reader.document() };
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const span = { file, start: e.start, end: Math.max(e.start, e.end) };
    return { error: diagnostic("InvalidJson", span, e.message, e.hint !== undefined ? { hint: e.hint } : {}) };
  }
}

/** How a JSON value is named in messages: `a string`, `an array`, ... */
export function describeJson(node: JsonNode): string {
  switch (node.kind) {
    case "object":
      return "an object";
    case "array":
      return "an array";
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return "a boolean";
    case "null":
      return "null";
  }
}

class JsonReader {
  private pos = 0;

  constructor(private readonly text: string, private readonly file: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  document(): JsonNode {
    this.skipSpace();
    if (this.pos >= this.text.length) {
      throw new JsonSyntaxError(this.pos, this.pos, "the input is empty: expected a JSON policy document");
    }
    const value = this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) {
      throw new JsonSyntaxError(this.pos, this.pos + 1, `unexpected ${this.describeHere()} after the end of the JSON value`, "a policy file holds one JSON object");
    }
    return value;
  }

  private span(start: number): Span {
    return { file: this.file, start, end: this.pos };
  }

  private skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos++;
      else if (c === "/" && (this.text[this.pos + 1] === "/" || this.text[this.pos + 1] === "*")) {
        throw new JsonSyntaxError(this.pos, this.pos + 2, "JSON has no comments", "remove the comment: IAM does not accept it either");
      } else break;
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return "end of input";
    const c = this.text[this.pos]!;
    return /\s/.test(c) || c < " " ? `character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : `\`${c}\``;
  }

  private fail(expected: string, hint?: string): never {
    const end = Math.min(this.text.length, this.pos + 1);
    throw new JsonSyntaxError(this.pos, end, `expected ${expected}, found ${this.describeHere()}`, hint);
  }

  private value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.pos, this.pos + 1, `JSON nested deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.pos];
    const start = this.pos;
    switch (c) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return { kind: "string", value: this.string(), span: this.span(start) };
      case "t":
      case "f":
      case "n":
        return this.literal();
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        if (c === "'") this.fail("a value", "JSON strings use double quotes");
        return this.fail("a value");
    }
  }

  private literal(): JsonNode {
    const start = this.pos;
    for (const [word, node] of [
      ["true", { kind: "boolean", value: true }],
      ["false", { kind: "boolean", value: false }],
      ["null", { kind: "null" }],
    ] as const) {
      if (this.text.startsWith(word, start) && !/[A-Za-z0-9_]/.test(this.text[start + word.length] ?? "")) {
        this.pos += word.length;
        return { ...node, span: this.span(start) } as JsonNode;
      }
    }
    let end = start;
    while (end < this.text.length && /[A-Za-z0-9_]/.test(this.text[end]!)) end++;
    throw new JsonSyntaxError(start, end, `\`${this.text.slice(start, end)}\` is not a JSON value`, "strings are written in double quotes");
  }

  private number(): JsonNumber {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail("a number");
    this.pos = start + match[0].length;
    if (/[A-Za-z0-9.]/.test(this.text[this.pos] ?? "")) this.fail("the end of the number");
    return { kind: "number", value: Number(match[0]), text: match[0], span: this.span(start) };
  }

  /** Reads a string starting at its opening quote; returns the decoded text. */
  private string(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    while (true) {
      if (this.pos >= this.text.length) {
        throw new JsonSyntaxError(start, this.pos, "this string is not closed with `\"`");
      }
      const c = this.text[this.pos]!;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c === "\\") {
        out += this.escape();
        continue;
      }
      if (c < " ") {
        if (c === "\n" || c === "\r") throw new JsonSyntaxError(start, this.pos, "this string is not closed before the end of the line");
        throw new JsonSyntaxError(this.pos, this.pos + 1, `a JSON string cannot hold ${this.describeHere()} unescaped`);
      }
      out += c;
      this.pos++;
    }
  }

  private escape(): string {
    const at = this.pos;
    const e = this.text[at + 1];
    if (e === "u") {
      const hex = this.text.slice(at + 2, at + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw new JsonSyntaxError(at, at + 2 + hex.length, "`\\u` must be followed by four hex digits");
      this.pos = at + 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const decoded = e === undefined ? undefined : ESCAPES.get(e);
    if (decoded === undefined) {
      throw new JsonSyntaxError(at, at + 2, `\`\\${e ?? ""}\` is not a JSON escape`, 'JSON escapes are `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`');
    }
    this.pos = at + 2;
    return decoded;
  }

  private object(depth: number): JsonObject {
    const start = this.pos;
    this.pos++;
    const entries: JsonEntry[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return { kind: "object", entries, span: this.span(start) };
    }
    while (true) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') {
        const trailing = this.text[this.pos] === "}" && entries.length > 0;
        this.fail("a key in double quotes", trailing ? "JSON allows no comma after the last entry" : undefined);
      }
      const keyStart = this.pos;
      const key = this.string();
      const keySpan = this.span(keyStart);
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail("`:` after the key");
      this.pos++;
      this.skipSpace();
      entries.push({ key, keySpan, value: this.value(depth + 1) });
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "}") {
        this.pos++;
        return { kind: "object", entries, span: this.span(start) };
      }
      this.fail("`,` or `}` after an object entry", next === '"' ? "entries are separated by commas" : undefined);
    }
  }

  private array(depth: number): JsonArray {
    const start = this.pos;
    this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return { kind: "array", items, span: this.span(start) };
    }
    while (true) {
      this.skipSpace();
      if (this.text[this.pos] === "]" && items.length > 0) this.fail("a value", "JSON allows no comma after the last item");
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ",") {
        this.pos++;
        continue;
      }
      if (next === "]") {
        this.pos++;
        return { kind: "array", items, span: this.span(start) };
      }
      this.fail("`,` or `]` after an array item", next === '"' ? "items are separated by commas" : undefined);
    }
  }
}

/** Plain JavaScript value of a node (what `JSON.parse` gives; the last of duplicate keys wins). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case "object":
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
    case "array":
      return node.items.map(toPlain);
    case "null":
      return null;
    default:
      return node.value;
  }
}
