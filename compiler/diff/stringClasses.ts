/**
 * The classes of strings a set of IAM patterns draws: two strings are alike when every pattern
 * matches both or neither. `arp diff` needs one string of each class that some string belongs
 * to, and no more: a request with a value of every class decides every question the policies
 * can ask of that value.
 *
 * Each pattern is a small automaton over its tokens (a literal character, `?` one character,
 * `*` any run, the last two optionally barred from crossing a colon, as ARN operators and the
 * first five parts of a Resource are). Their product is explored breadth first over an
 * alphabet of every character the patterns name (both cases where a pattern ignores case),
 * `:`, and one character none names, which stands for all the others: no pattern tells those
 * apart. Every reachable combination of accepting patterns is a class, and the first string
 * that reaches it is its member. `shapes` limit members to the strings one of them matches (the
 * request domain's resources are ARNs of the catalog's resource types). The exploration is
 * bounded; past the bound, the classes found
 * so far are returned and `exhaustive` is false.
 *
 * Case folding is `toLowerCase` on both sides, as the runtime's `IgnoreCase` operators do; a
 * character whose lower case is another character of the alphabet (the Kelvin sign) is not
 * represented.
 */

/** One token of a pattern. `open`: `?`/`*` may match a colon. */
export type PatternToken =
  | { readonly kind: "char"; readonly ch: string }
  | { readonly kind: "one"; readonly open: boolean }
  | { readonly kind: "run"; readonly open: boolean };

export interface StringPattern {
  readonly tokens: readonly PatternToken[];
  readonly ignoreCase: boolean;
}

export interface StringClasses {
  /** One string per class: the candidates given first (as found), then the search's. */
  readonly members: readonly string[];
  /** False when the search stopped at its bound: some class may have no member. */
  readonly exhaustive: boolean;
}

/** Product states explored before the search gives up on exhaustiveness. */
export const STATE_LIMIT = 20_000;

/** The positions a pattern may be at after `*`s that match nothing. */
function closure(tokens: readonly PatternToken[], positions: readonly number[]): number[] {
  const out = new Set<number>();
  const stack = [...positions];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (out.has(i)) continue;
    out.add(i);
    if (tokens[i]?.kind === "run") stack.push(i + 1);
  }
  return [...out].sort((a, b) => a - b);
}

function step(p: StringPattern, positions: readonly number[], ch: string): number[] {
  const next: number[] = [];
  for (const i of positions) {
    const t = p.tokens[i];
    if (t === undefined) continue;
    if (t.kind === "char") {
      if (p.ignoreCase ? t.ch.toLowerCase() === ch.toLowerCase() : t.ch === ch) next.push(i + 1);
    } else if (t.open || ch !== ":") next.push(t.kind === "one" ? i + 1 : i);
  }
  return closure(p.tokens, next);
}

/** Whether each pattern matches `value`, as a string of 0s and 1s. */
export function matchVector(patterns: readonly StringPattern[], value: string): string {
  return patterns
    .map((p) => {
      let positions = closure(p.tokens, [0]);
      for (const ch of value) positions = step(p, positions, ch);
      return positions.includes(p.tokens.length) ? "1" : "0";
    })
    .join("");
}

/** A character no pattern names in either case: it stands for every such character. */
function freshCharacter(used: ReadonlySet<string>): string {
  for (const c of "zqxjkw~#%+=_-0123456789") if (!used.has(c) && !used.has(c.toUpperCase()) && !used.has(c.toLowerCase())) return c;
  for (let code = 0x100; ; code++) {
    const c = String.fromCharCode(code);
    if (!used.has(c) && c.toLowerCase() === c && c.toUpperCase() === c) return c;
  }
}

function alphabet(patterns: readonly StringPattern[]): string[] {
  const used = new Set<string>([":"]);
  for (const p of patterns) {
    for (const t of p.tokens) {
      if (t.kind !== "char") continue;
      used.add(t.ch);
      if (p.ignoreCase) {
        used.add(t.ch.toLowerCase());
        used.add(t.ch.toUpperCase());
      }
    }
  }
  return [...used, freshCharacter(used)].sort();
}

/**
 * A pattern's automaton made deterministic as it is explored: each set of positions is a state
 * number, each step is looked up once, so the product explores numbers, not sets.
 */
class LazyDfa {
  private readonly sets: number[][] = [];
  private readonly ids = new Map<string, number>();
  private readonly moves: Map<string, number>[] = [];

  constructor(private readonly pattern: StringPattern) {}

  /** The state of a set of positions. */
  state(positions: readonly number[]): number {
    const key = positions.join(",");
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.ids.set(key, id);
      this.sets.push([...positions]);
      this.moves.push(new Map());
    }
    return id;
  }

  start(): number {
    return this.state(closure(this.pattern.tokens, [0]));
  }

  next(id: number, ch: string): number {
    const known = this.moves[id]!.get(ch);
    if (known !== undefined) return known;
    const to = this.state(step(this.pattern, this.sets[id]!, ch));
    this.moves[id]!.set(ch, to);
    return to;
  }

  accepts(id: number): boolean {
    return this.sets[id]!.includes(this.pattern.tokens.length);
  }

  dead(id: number): boolean {
    return this.sets[id]!.length === 0;
  }
}

/**
 * One member of each class the patterns draw. `candidates` (readable strings, such as a
 * pattern with its wildcards filled) are kept for the classes they fall in; the search supplies
 * the rest.
 */
export function stringClasses(patterns: readonly StringPattern[], candidates: readonly string[] = [], options: { shapes?: readonly StringPattern[]; limit?: number } = {}): StringClasses {
  const limit = options.limit ?? STATE_LIMIT;
  const byVector = new Map<string, string>();
  const shapes = options.shapes ?? [];
  for (const c of candidates) {
    if (shapes.length > 0 && !matchVector(shapes, c).includes("1")) continue;
    const v = matchVector(patterns, c);
    if (!byVector.has(v)) byVector.set(v, c);
  }
  // The shapes, when given, run along as more patterns: only strings one accepts are members.
  const all = [...patterns, ...shapes].map((p) => new LazyDfa(p));
  const letters = alphabet([...patterns, ...shapes]);
  const start = all.map((d) => d.start());
  const seen = new Set<string>([start.join(",")]);
  const queue: { state: number[]; text: string }[] = [{ state: start, text: "" }];
  const n = patterns.length;
  let exhaustive = true;
  for (let head = 0; head < queue.length && exhaustive; head++) {
    const { state, text } = queue[head]!;
    // A string no shape can still accept is no member, nor is any longer one.
    if (shapes.length > 0 && state.every((id, i) => i < n || all[i]!.dead(id))) continue;
    const vector = state.slice(0, n).map((id, i) => (all[i]!.accepts(id) ? "1" : "0")).join("");
    if (!byVector.has(vector) && (shapes.length === 0 || state.some((id, i) => i >= n && all[i]!.accepts(id)))) byVector.set(vector, text);
    // A state no pattern can still accept from leads to no other class (with shapes, it may
    // still lead to a member of the class no pattern matches, so it is explored on).
    if (shapes.length === 0 && state.every((id, i) => i >= n || all[i]!.dead(id))) continue;
    for (const ch of letters) {
      const next = state.map((id, i) => all[i]!.next(id, ch));
      const key = next.join(",");
      if (seen.has(key)) continue;
      if (seen.size >= limit) {
        exhaustive = false;
        break;
      }
      seen.add(key);
      queue.push({ state: next, text: text + ch });
    }
  }
  return { members: [...byVector.values()], exhaustive };
}
