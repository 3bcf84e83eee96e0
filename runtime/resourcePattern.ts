/**
 * Resource and NotResource patterns: where policy variables are substituted, and how `*` and
 * `?` treat the colons of an ARN.
 *
 * - Variables: "You can use a policy variable in the `Resource` element, but only in the
 *   resource portion of the ARN. This portion of the ARN appears after the fifth colon (:).
 *   You can't use a variable to replace parts of the ARN before the fifth colon, such as the
 *   service or account." (IAM policy elements: Variables and tags). Text up to and including
 *   the fifth colon of the pattern as written is therefore policy text where `${…}` is not
 *   substituted (its `*` and `?` stay wildcards); only the text after it is a template.
 * - Wildcards: "You can use wildcard characters (* and ?) within the individual segments of an
 *   ARN (the parts separated by colons) to represent: Any combination of characters (*); Any
 *   single character (?). You can use multiple * or ? characters in each segment. If the *
 *   wildcard is the last character of a resource ARN segment, it can expand to match beyond
 *   the colon boundaries." (IAM JSON policy elements: Resource, current page.)
 *
 * Reading, for the first five segments (partition, service, region, account and the empty or
 * not fifth before the resource): a `*` that is the last character of its segment (followed by
 * `:` or ending the pattern) matches any run of characters, colons included; any other `*`
 * matches a run without colons, and `?` one character that is not a colon, because both stay
 * "within" their segment. The resource part after the fifth colon is one segment whose own
 * colons are ordinary characters (a resource ID "may contain a qualifier such as a version
 * (resource-type:resource-name:qualifier)", and ArnLike treats it as the sixth of "six
 * colon-delimited components"), so there `*` and `?` match colons as any character: what the
 * docs' S3 example (`arn:aws:s3:::DOC-EXAMPLE-BUCKET/*\/test/*`) shows, unchanged.
 *
 * Matching stays linear. A pattern whose first five segments hold no `?` and no `*` before the
 * segment's end (nearly every real pattern) is a plain glob: the wildcard engine, fast paths
 * included. Otherwise the value is cut at its colons into fields and the segments are
 * matched field by field: the set of fields where segment i can start is carried from segment
 * to segment, each step testing each field once (O(n) a step, five steps); a trailing `*`
 * opens every later field. The resource part then needs one start among the surviving field
 * starts: the first start where the part's head (before its first `*`) fits decides, since
 * the remainder, beginning with `*`, matching from a position matches from every earlier one;
 * `compileFinder` finds that start in one pass.
 */
import { splitArnTokens } from "./operators/arn.js";
import { parseTemplate, type Template } from "./variables.js";
import { compileFinder, compileWildcard, type Finder, type PatternToken, type Wildcard } from "./wildcard.js";

/** The colons before the resource part of an ARN. */
const PREFIX_COLONS = 5;

/** A Resource pattern as written, cut at its first five colons. */
export interface ResourcePrefix {
  /** The segments before the fifth colon (every segment when there are fewer colons). */
  readonly segments: readonly string[];
  /** The text after the fifth colon; undefined when the pattern has fewer than five. */
  readonly rest: string | undefined;
}

/** Cuts a Resource pattern as written at its first five colons. */
export function splitResourcePrefix(source: string): ResourcePrefix {
  const segments: string[] = [];
  let start = 0;
  while (segments.length < PREFIX_COLONS) {
    const colon = source.indexOf(":", start);
    if (colon < 0) return { segments: [...segments, source.slice(start)], rest: undefined };
    segments.push(source.slice(start, colon));
    start = colon + 1;
  }
  return { segments, rest: source.slice(start) };
}

/**
 * Whether a segment of the first five holds a wildcard that stays inside it: a `?`, or a `*`
 * with more of the segment after it. Such a pattern is not a plain glob.
 */
export function isConfinedSegment(segment: string): boolean {
  let end = segment.length;
  while (end > 0 && segment[end - 1] === "*") end--;
  for (let i = 0; i < end; i++) if (segment[i] === "*" || segment[i] === "?") return true;
  return false;
}

/**
 * Parses a Resource pattern: policy variables only after the fifth colon (none at all with
 * `variables` false, policy Version 2008-10-17).
 */
export function parseResourceTemplate(source: string, variables: boolean): Template {
  const { rest } = splitResourcePrefix(source);
  if (!variables || rest === undefined || !rest.includes("${")) return parseTemplate(source, false);
  const prefix: PatternToken = { text: source.slice(0, source.length - rest.length), wild: true };
  const tail = parseTemplate(rest, true);
  const parts = [prefix, ...tail.parts];
  return { source, text: tail.hasVariables ? source : prefix.text + tail.text, parts, hasVariables: tail.hasVariables };
}

/** One of the first five segments, compiled. */
interface PrefixSegment {
  /** Whether the segment ends with `*`, which may run past colons. */
  readonly trailing: boolean;
  /** The segment without its trailing stars, matched against a whole field. */
  readonly exact: Wildcard;
  /** The same followed by `*`: matches a field that starts with the segment. */
  readonly prefix: Wildcard;
}

/** The resource part after the fifth colon, compiled. */
type Rest =
  | { readonly kind: "fixed"; readonly length: number; readonly exact: Wildcard }
  | { readonly kind: "open"; readonly head: Finder; readonly headLength: number; readonly after: Wildcard };

const STAR: PatternToken = { text: "*", wild: true };

/**
 * Compiles a Resource pattern (after substitution: `tokens` keep which characters are
 * wildcards) into a case-sensitive matcher with the segment rules above.
 */
export function compileResourcePattern(tokens: readonly PatternToken[]): Wildcard {
  const components = splitArnTokens(tokens);
  const prefix = components.slice(0, PREFIX_COLONS);
  if (!prefix.some(confined)) return compileWildcard(tokens);
  const segments = prefix.map(compileSegment);
  const restTokens = components[PREFIX_COLONS];
  const rest = restTokens === undefined ? undefined : compileRest(restTokens);
  const source = tokens.map((t) => t.text).join("");
  return { source, ignoreCase: false, test: (value) => matchFields(segments, rest, value) };
}

function confined(segment: readonly PatternToken[]): boolean {
  const { body } = stripTrailingStars(segment);
  return body.some((t) => t.wild && (t.text.includes("*") || t.text.includes("?")));
}

function stripTrailingStars(segment: readonly PatternToken[]): { body: PatternToken[]; trailing: boolean } {
  const body = segment.map((t) => ({ ...t }));
  let trailing = false;
  while (body.length > 0) {
    const last = body[body.length - 1]!;
    if (!last.wild || !last.text.endsWith("*")) {
      if (last.text === "") {
        body.pop();
        continue;
      }
      break;
    }
    trailing = true;
    body[body.length - 1] = { text: last.text.slice(0, -1), wild: true };
  }
  return { body, trailing };
}

function compileSegment(segment: readonly PatternToken[]): PrefixSegment {
  const { body, trailing } = stripTrailingStars(segment);
  return { trailing, exact: compileWildcard(body), prefix: compileWildcard([...body, STAR]) };
}

function compileRest(tokens: readonly PatternToken[]): Rest {
  const head: PatternToken[] = [];
  for (const [i, token] of tokens.entries()) {
    const star = token.wild ? token.text.indexOf("*") : -1;
    if (star < 0) {
      head.push(token);
      continue;
    }
    head.push({ text: token.text.slice(0, star), wild: true });
    const after = [STAR, { text: token.text.slice(star + 1), wild: true }, ...tokens.slice(i + 1)];
    const headLength = head.reduce((n, t) => n + t.text.length, 0);
    return { kind: "open", head: compileFinder(head), headLength, after: compileWildcard(after) };
  }
  return { kind: "fixed", length: head.reduce((n, t) => n + t.text.length, 0), exact: compileWildcard(tokens) };
}

/** Matches a value field by field (see the file comment). */
function matchFields(segments: readonly PrefixSegment[], rest: Rest | undefined, value: string): boolean {
  const starts = [0];
  for (let i = value.indexOf(":"); i >= 0; i = value.indexOf(":", i + 1)) starts.push(i + 1);
  const last = starts.length - 1;
  const field = (k: number): string => value.slice(starts[k]!, k < last ? starts[k + 1]! - 1 : value.length);
  // The fields where the current segment may start, ascending.
  let reach: number[] = [0];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const final = rest === undefined && i === segments.length - 1;
    if (segment.trailing) {
      const k = reach.find((f) => segment.prefix.test(field(f)));
      if (k === undefined) return false;
      if (final) return true;
      reach = [];
      for (let f = k + 1; f <= last; f++) reach.push(f);
    } else {
      if (final) return reach[reach.length - 1] === last && segment.exact.test(field(last));
      reach = reach.filter((f) => f < last && segment.exact.test(field(f))).map((f) => f + 1);
    }
    if (reach.length === 0) return false;
  }
  return matchRest(rest!, value, reach.map((f) => starts[f]!));
}

/** Whether the resource part matches the value from one of `positions` (ascending) to its end. */
function matchRest(rest: Rest, value: string, positions: readonly number[]): boolean {
  if (rest.kind === "fixed") {
    const at = value.length - rest.length;
    return positions.includes(at) && rest.exact.test(value.slice(at));
  }
  const allowed = new Uint8Array(value.length + 1);
  for (const p of positions) allowed[p] = 1;
  const start = rest.head(value, positions[0]!, (s) => allowed[s] === 1);
  return start >= 0 && rest.after.test(value.slice(start + rest.headLength));
}
