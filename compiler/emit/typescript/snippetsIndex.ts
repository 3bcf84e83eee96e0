/**
 * Generated-code snippets for the resource index (resourceIndex.ts): the prefix tree built when
 * the module loads, and where a resource's part after the fifth colon starts.
 */

/** Candidate statements of one action below this count are all tested: the walk would cost more. */
export const INDEX_THRESHOLD = 4;

/** Emitted source: `Candidates`, `splitCandidates`, `PrefixNode`, `prefixTree` and `statementSet`. */
export const PREFIX_TREE = `
/** The statements whose Action/NotAction can match one action, by global index, Deny and Allow apart. */
interface Candidates {
  readonly deny: readonly number[];
  readonly allow: readonly number[];
  /**
   * 1 for each candidate the resource index holds, by global index, when there are enough of
   * them to walk the index for; undefined when every candidate is tested.
   */
  readonly indexed: Uint8Array | undefined;
  /** The Deny and Allow candidates the resource index does not hold. */
  readonly otherDeny: readonly number[];
  readonly otherAllow: readonly number[];
}

/**
 * An action's candidates, split by whether the resource index holds them. \`indexed\` is the
 * statements the index holds (a module of principal sets has one index per set).
 */
function splitCandidates(indexed: Uint8Array, deny: readonly number[], allow: readonly number[]): Candidates {
  const held = [...deny, ...allow].filter((i) => indexed[i] === 1);
  if (held.length < ${INDEX_THRESHOLD}) return { deny, allow, indexed: undefined, otherDeny: deny, otherAllow: allow };
  const unheld = (i: number): boolean => indexed[i] === 0;
  return { deny, allow, indexed: statementSet(indexed.length, held), otherDeny: deny.filter(unheld), otherAllow: allow.filter(unheld) };
}
/**
 * A node of the resource index: the statements filed under the text from the root to here, and
 * the nodes below, each keyed by the first character of its label (the text it adds), so a walk
 * takes one look-up and one comparison per node, however long the labels.
 */
interface PrefixNode {
  label: string;
  deny: readonly number[];
  allow: readonly number[];
  next: Map<number, PrefixNode> | undefined;
}

/** A statement set as a table of 0s and 1s, by global index. */
function statementSet(size: number, members: readonly number[]): Uint8Array {
  const set = new Uint8Array(size);
  for (const i of members) set[i] = 1;
  return set;
}

/** Builds the tree from [prefix, Deny statements, Allow statements] entries, one per prefix. */
function prefixTree(entries: readonly (readonly [string, readonly number[], readonly number[]])[]): PrefixNode {
  const root: PrefixNode = { label: "", deny: [], allow: [], next: undefined };
  for (const [prefix, deny, allow] of entries) {
    let node = root;
    let at = 0;
    while (at < prefix.length) {
      node.next ??= new Map();
      const child = node.next.get(prefix.charCodeAt(at));
      if (child === undefined) {
        const leaf: PrefixNode = { label: prefix.slice(at), deny, allow, next: undefined };
        node.next.set(prefix.charCodeAt(at), leaf);
        node = leaf;
        at = prefix.length;
        break;
      }
      let common = 0;
      while (common < child.label.length && at + common < prefix.length && child.label.charCodeAt(common) === prefix.charCodeAt(at + common)) common++;
      if (common < child.label.length) {
        // Split the child: the shared start becomes a node of its own.
        const lower: PrefixNode = { label: child.label.slice(common), deny: child.deny, allow: child.allow, next: child.next };
        child.label = child.label.slice(0, common);
        child.deny = [];
        child.allow = [];
        child.next = new Map([[lower.label.charCodeAt(0), lower]]);
      }
      node = child;
      at += common;
    }
    if (node.deny !== deny) node.deny = [...node.deny, ...deny];
    if (node.allow !== allow) node.allow = [...node.allow, ...allow];
  }
  return root;
}
`;
