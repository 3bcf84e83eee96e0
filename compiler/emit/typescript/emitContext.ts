/**
 * State shared by the emitters while one module is generated: module-level constants hoisted
 * out of statement functions so they are built once at load rather than per request. Constants are deduplicated by their text and named in order of
 * first use, so the same input always yields the same names.
 */
/** The constants hoisted while one module is generated. */
/** An array literal of plain double-quoted string literals only. */
const PLAIN_STRINGS = /^\[(?:"(?:[^"\\]|\\.)*"(?:, )?)*\]$/;

export class EmitContext {
  private readonly constants = new Map<string, string>();
  private readonly declarations: string[] = [];
  private readonly types = new Map<string, string>();
  private readonly initializers = new Map<string, string>();
  private readonly slots = new Map<string, number>();
  private readonly spellings = new Set<string>();

  /**
   * The slot of a lower-cased context key in the view's table of the keys the module reads,
   * handed out in order of first use: the view files each request's values into these slots
   * once, so a statement reads a key by index.
   */
  keySlot(lowerKey: string, written?: string): number {
    if (written !== undefined && written !== lowerKey && written.toLowerCase() === lowerKey) this.spellings.add(written);
    let slot = this.slots.get(lowerKey);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(lowerKey, slot);
    }
    return slot;
  }

  /** Every lower-cased key given a slot, in slot order. */
  slotKeys(): readonly string[] {
    return [...this.slots.keys()];
  }

  /** The spellings of slotted keys other than lower-case ones, as the policies write them, sorted. */
  keySpellings(): readonly string[] {
    return [...this.spellings].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Returns the name of a module-level constant holding `initializer` (of `type`), declaring
   * it on first use. `prefix` hints at what the constant is (e.g. `GLOB`).
   */
  constant(prefix: string, type: string, initializer: string): string {
    const key = `${type}=${initializer}`;
    const existing = this.constants.get(key);
    if (existing !== undefined) return existing;
    const name = `${prefix}${this.constants.size}`;
    this.constants.set(key, name);
    this.types.set(name, type);
    this.initializers.set(name, initializer);
    // A list of plain strings infers as string[], which every Segment[] reader accepts: the annotation only adds bytes.
    const annotation = type === "readonly Segment[]" && PLAIN_STRINGS.test(initializer) ? "" : `: ${type}`;
    this.declarations.push(`const ${name}${annotation} = ${initializer};`);
    return name;
  }

  /** The declared type of the hoisted constant `name`. */
  constantType(name: string): string {
    const type = this.types.get(name);
    if (type === undefined) throw new Error(`constantType: ${name} is not a hoisted constant`);
    return type;
  }

  /** The initializer of the hoisted constant `name`. */
  constantInitializer(name: string): string {
    const initializer = this.initializers.get(name);
    if (initializer === undefined) throw new Error(`constantInitializer: ${name} is not a hoisted constant`);
    return initializer;
  }

  /**
   * The hoisted constant declarations that `code` refers to, in order of first use. A pattern
   * may be compiled and then not emitted (a Resource list holding `*` needs no test), so its
   * constants are dropped rather than left unused.
   */
  constantDeclarations(code: string): readonly string[] {
    const used = new Set(withoutProse(code).match(/\b[A-Z]+\d+\b/g) ?? []);
    return this.declarations.filter((d) => used.has(/^const (\w+)/.exec(d)![1]!));
  }
}

/** A string as a TypeScript literal (JSON's quoting is valid TypeScript for every string). */
export function lit(s: string): string {
  return JSON.stringify(s);
}

/**
 * Text from a policy (a name, a Sid, a file path) made safe inside a generated comment: it can
 * neither end the comment (`*` then `/`) nor start a new line (a `//` comment ends at any line
 * terminator, U+2028 and U+2029 included), and control characters are shown as escapes.
 * Comments are for people; the exact text is in the module's string literals.
 */
export function commentText(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/\*\//g, "*\\/");
}

/** Whether generated `code` uses the identifier `name` (outside strings and comments). */
export function usesIdentifier(code: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(withoutProse(code));
}

/** A context look-up through the generated view, by the key's slot: `q.get(3)`, `q.variable(0)`. */
export function viewCall(ctx: EmitContext, method: "get" | "variable", lowerKey: string, written?: string): string {
  return `q.${method}(${ctx.keySlot(lowerKey, written)})`;
}

/**
 * Generated code with its string literals, template literals and comments blanked out: what is
 * left names only identifiers, so scanning it for uses cannot be fooled by policy text or prose.
 * One pass, so a quote inside a comment or `//` inside a string is read correctly.
 */
export function withoutProse(code: string): string {
  // Runs of code are copied whole and each literal or comment becomes one space: the text can
  // be megabytes for large policy sets, so nothing is appended a character at a time.
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < code.length) {
    const ch = code.charCodeAt(i);
    let end = i + 1;
    if (ch === 34 || ch === 39 || ch === 96) end = closingQuote(code, i);
    else if (ch === 47 && code.charCodeAt(i + 1) === 47) end = lineEnd(code, i);
    else if (ch === 47 && code.charCodeAt(i + 1) === 42) end = blockEnd(code, i);
    if (end !== i + 1) {
      out.push(code.slice(from, i), " ");
      from = end;
    }
    i = end;
  }
  out.push(code.slice(from));
  return out.join("");
}

function closingQuote(code: string, open: number): number {
  for (let i = open + 1; i < code.length; i++) {
    if (code[i] === "\\") i++;
    else if (code[i] === code[open]) return i + 1;
  }
  return code.length;
}

function lineEnd(code: string, from: number): number {
  const end = code.indexOf("\n", from);
  return end < 0 ? code.length : end;
}

function blockEnd(code: string, from: number): number {
  const end = code.indexOf("*/", from + 2);
  return end < 0 ? code.length : end + 2;
}
