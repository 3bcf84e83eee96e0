/**
 * Generated-code snippets for matching patterns that could not be reduced to a comparison at
 * generation time: the linear glob, globs built per request (policy variables), and ARN
 * components. Each is TypeScript source that helpers.ts emits only when the policies need it.
 */

/** Emitted source: the `Segment` type and the linear `glob` matcher. */
export const GLOB = `
/**
 * A glob split at its stars: a plain string, or [text, ...offsets of one-character holes].
 * Matched leftmost segment by segment, which is exact for star-separated fixed-length
 * segments: no backtracking, so the cost stays linear in practice whatever the pattern.
 */
type Segment = string | readonly [string, ...number[]];

function segmentText(segment: Segment): string {
  return typeof segment === "string" ? segment : segment[0];
}

function segmentAt(s: string, at: number, segment: Segment): boolean {
  if (typeof segment === "string") return s.startsWith(segment, at);
  const text = segment[0];
  let hole = 1;
  for (let i = 0; i < text.length; i++) {
    if (hole < segment.length && segment[hole] === i) {
      hole++;
      continue;
    }
    if (s.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

function findSegment(s: string, from: number, segment: Segment): number {
  if (typeof segment === "string") return s.indexOf(segment, from);
  const length = segment[0].length;
  for (let at = from; at + length <= s.length; at++) if (segmentAt(s, at, segment)) return at;
  return -1;
}

/** Whether \`s\` matches the glob whose star-separated segments are \`segments\`. */
function glob(s: string, segments: readonly Segment[]): boolean {
  const first = segments[0]!;
  const firstLength = segmentText(first).length;
  if (segments.length === 1) return s.length === firstLength && segmentAt(s, 0, first);
  const last = segments[segments.length - 1]!;
  const end = s.length - segmentText(last).length;
  if (end < firstLength || !segmentAt(s, 0, first) || !segmentAt(s, end, last)) return false;
  let at = firstLength;
  for (let k = 1; k < segments.length - 1; k++) {
    const segment = segments[k]!;
    const found = findSegment(s, at, segment);
    const next = found + segmentText(segment).length;
    if (found < 0 || next > end) return false;
    at = next;
  }
  return true;
}
`;

/**
 * Emitted source: \`glob3\`, \`glob\` unrolled for a pattern of two stars without \`?\`
 * (\`arn:aws:apprunner:*:123456789012:service/t0-*\`): the same leftmost matching, with the texts
 * as arguments rather than an array to walk.
 */
export const GLOB3 = `
/** Whether \`s\` matches \`head*middle*tail\`. */
function glob3(s: string, head: string, middle: string, tail: string): boolean {
  const end = s.length - tail.length;
  if (end < head.length || !s.startsWith(head) || !s.startsWith(tail, end)) return false;
  const at = s.indexOf(middle, head.length);
  return at >= 0 && at + middle.length <= end;
}
`;

/** Emitted source: \`glob4\`, as \`glob3\` for three stars (\`arn:aws:apprunner:*:*:service/t0-*\`). */
export const GLOB4 = `
/** Whether \`s\` matches \`head*first*second*tail\`. */
function glob4(s: string, head: string, first: string, second: string, tail: string): boolean {
  const end = s.length - tail.length;
  if (end < head.length || !s.startsWith(head) || !s.startsWith(tail, end)) return false;
  let at = s.indexOf(first, head.length);
  if (at < 0 || at + first.length > end) return false;
  at = s.indexOf(second, at + first.length);
  return at >= 0 && at + second.length <= end;
}
`;

/**
 * Emitted source: \`headEnd\` and \`globFrom\`, for a glob whose head holds one policy variable
 * (\`arn:aws:apprunner:*:*:service/\${aws:PrincipalTag/team}-*\`): the head is compared part
 * by part and the rest matched from where it ends, so no string is built per request.
 */
export const GLOB_FROM = `
/** Where \`a + v + b\` ends when \`s\` starts with it; -1 when it does not. */
function headEnd(s: string, a: string, v: string, b: string): number {
  if (!s.startsWith(a) || !s.startsWith(v, a.length)) return -1;
  const at = a.length + v.length;
  return s.startsWith(b, at) ? at + b.length : -1;
}

/**
 * Whether \`s\`, its head matched up to \`from\` (-1: it was not), matches the rest of a glob,
 * \`*middles[0]*middles[1]*...*tail\`, leftmost as \`glob\` matches.
 */
function globFrom(s: string, from: number, middles: readonly string[], tail: string): boolean {
  if (from < 0) return false;
  const end = s.length - tail.length;
  if (end < from || !s.startsWith(tail, end)) return false;
  let at = from;
  for (let i = 0; i < middles.length; i++) {
    const middle = middles[i]!;
    const found = s.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}
`;

/** Emitted source: `globOf`, glob segments built per request from variable values. */
export const GLOB_OF = `
/**
 * Builds glob segments from parts known only per request: strings are literal text (variable
 * values never act as wildcards), 0 is \`*\` and 1 is \`?\`.
 */
function globOf(parts: readonly (string | 0 | 1)[]): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let holes: number[] = [];
  for (const part of parts) {
    if (part === 0) {
      segments.push(holes.length === 0 ? text : [text, ...holes]);
      text = "";
      holes = [];
    } else if (part === 1) {
      holes.push(text.length);
      text += "?";
    } else {
      text += part;
    }
  }
  segments.push(holes.length === 0 ? text : [text, ...holes]);
  return segments;
}
`;

/** Emitted source: `arnParts`, a request value split into ARN components. */
export const ARN = `
/**
 * ARN operators compare colon-separated components one by one, each a glob, so a \`*\` never
 * spans a colon between components. A pattern of k components splits the value at its first
 * k - 1 colons; the last component takes the rest, colons included.
 */
function arnParts(s: string, components: number): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < components - 1; i++) {
    const colon = s.indexOf(":", from);
    if (colon < 0) return undefined;
    parts.push(s.slice(from, colon));
    from = colon + 1;
  }
  parts.push(s.slice(from));
  return parts;
}
`;

/** Emitted source: `arnOf`/`arnLike`, for ARN patterns whose components depend on a variable. */
export const ARN_OF = `
/**
 * An ARN pattern known only per request (a variable before its sixth component): glob parts
 * split at the first five colons of any text, then each component made a glob.
 */
function arnOf(parts: readonly (string | 0 | 1)[]): Segment[][] {
  const components: (string | 0 | 1)[][] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      components[components.length - 1]!.push(part);
      continue;
    }
    let rest = part;
    let colon = rest.indexOf(":");
    while (colon >= 0 && components.length < 6) {
      components[components.length - 1]!.push(rest.slice(0, colon));
      components.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(":");
    }
    components[components.length - 1]!.push(rest);
  }
  return components.map(globOf);
}

/** Whether \`s\` matches an ARN pattern given as per-component globs. */
function arnLike(s: string, pattern: readonly (readonly Segment[])[]): boolean {
  const parts = arnParts(s, pattern.length);
  if (parts === undefined) return false;
  for (let i = 0; i < pattern.length; i++) if (!glob(parts[i]!, pattern[i]!)) return false;
  return true;
}
`;

/**
 * Emitted source: `resourceLike`, for a Resource pattern with a `?`, or a `*` that is not the
 * segment's last character, in its first five segments (runtime/resourcePattern.ts has the
 * rules and the same algorithm; every other Resource pattern is a plain glob).
 */
export const RESOURCE = `
/**
 * One of the first five segments of a Resource ARN pattern: its text without trailing stars as
 * a glob that must match a whole field of the value (\`exact\`) or a field's start (\`prefix\`),
 * and whether it ended with a \`*\`, which may run past colons.
 */
interface ArnSegment {
  readonly trailing: boolean;
  readonly exact: readonly Segment[];
  readonly prefix: readonly Segment[];
}

/**
 * Whether \`s\` matches a Resource pattern cut into its first five segments and the resource
 * part after the fifth colon (\`rest\`, undefined when the pattern has fewer colons). A \`*\` or
 * \`?\` inside a segment stays inside one colon-separated field; a trailing \`*\` may span
 * colons ("If the * wildcard is the last character of a resource ARN segment, it can expand
 * to match beyond the colon boundaries"); in the resource part both match colons too. The
 * fields where each segment may start are carried from segment to segment.
 */
function resourceLike(s: string, segments: readonly ArnSegment[], rest: readonly Segment[] | undefined): boolean {
  const starts = [0];
  for (let i = s.indexOf(":"); i >= 0; i = s.indexOf(":", i + 1)) starts.push(i + 1);
  const last = starts.length - 1;
  const field = (k: number): string => s.slice(starts[k]!, k < last ? starts[k + 1]! - 1 : s.length);
  let reach: number[] = [0];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const final = rest === undefined && i === segments.length - 1;
    if (segment.trailing) {
      const k = reach.find((f) => glob(field(f), segment.prefix));
      if (k === undefined) return false;
      if (final) return true;
      reach = [];
      for (let f = k + 1; f <= last; f++) reach.push(f);
    } else {
      if (final) return reach[reach.length - 1] === last && glob(field(last), segment.exact);
      reach = reach.filter((f) => f < last && glob(field(f), segment.exact)).map((f) => f + 1);
    }
    if (reach.length === 0) return false;
  }
  if (rest === undefined) return false;
  const head = rest[0]!;
  const headLength = segmentText(head).length;
  if (rest.length === 1) {
    const at = s.length - headLength;
    return reach.some((f) => starts[f] === at) && segmentAt(s, at, head);
  }
  // What follows the resource part's first star, matching from a position, matches from every
  // earlier one too: the first start where the head fits decides.
  const after: readonly Segment[] = ["", ...rest.slice(1)];
  for (const f of reach) {
    const at = starts[f]!;
    if (at + headLength <= s.length && segmentAt(s, at, head)) return glob(s.slice(at + headLength), after);
  }
  return false;
}
`;

/** Emitted source: \`lowerCase\`, what case-insensitive comparisons read a request value through. */
export const LOWER_CASE = `
/**
 * \`text.toLowerCase()\`, but \`text\` itself when it is ASCII without a capital letter (so
 * already its own lower case), as most values are ("true", tag values): comparing ignoring case
 * then makes no new string.
 */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || (c >= 65 && c <= 90)) return text.toLowerCase();
  }
  return text;
}
`;
