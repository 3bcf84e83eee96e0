/**
 * "Did you mean" suggestions by edit distance over the catalog's names. A suggestion is offered
 * only when it is close: at most a third of the typed text's length in edits, and between one
 * and {@link MAX_EDITS}.
 */
import { distance } from "fastest-levenshtein";
import { globalConditionKeys } from "./globalKeys.js";
import { servicesForKeyPrefix, splitKey } from "./conditionKeys.js";
import { allServices, isTemplatedKey, knownService, serviceActions, serviceConditionKeys, serviceResourceTypes } from "./serviceData.js";

/** No suggestion is further than this from what was typed, however long. */
export const MAX_EDITS = 4;

/** The largest edit distance still worth suggesting for text of this length. */
export function maxDistance(text: string): number {
  return Math.max(1, Math.min(MAX_EDITS, Math.floor(text.length / 3)));
}

/** A candidate string and the text to suggest when it is the closest. */
interface Candidate {
  readonly compare: string;
  readonly suggest: string;
  /** Added to the distance, to prefer some candidates over equally close others. */
  readonly penalty?: number;
}

/** The closest candidate within {@link maxDistance}; earlier candidates win ties. */
function closestCandidate(text: string, candidates: Iterable<Candidate>): string | undefined {
  const lower = text.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance(text) + 1;
  for (const c of candidates) {
    const compare = c.compare.toLowerCase();
    // The edit distance is at least the difference in length: skipping on it keeps a long
    // name (up to a token's 16,384 characters) from costing its length times every candidate's.
    if (Math.abs(compare.length - lower.length) >= bestDistance) continue;
    const d = distance(lower, compare) + (c.penalty ?? 0);
    if (d < bestDistance) {
      best = c.suggest;
      bestDistance = d;
    }
  }
  return best;
}

/** The closest of `names` to `text`, case-insensitive, or undefined when none is close. */
export function closestName(text: string, names: Iterable<string>): string | undefined {
  return closestCandidate(text, (function* () {
    for (const name of names) yield { compare: name, suggest: name };
  })());
}

/** A service prefix close to `text`. */
export function suggestService(text: string): string | undefined {
  return closestName(text, allServices());
}

/** The service `text` names, or the one it most likely misspells. */
function resolveService(text: string): string | undefined {
  return knownService(text) ?? suggestService(text);
}

/**
 * For `service:Action`: the right action of a misspelt service, a close action of the named
 * service, or else the same action in the service whose prefix is closest (this last step
 * reads every service).
 */
export function suggestAction(fullName: string): string | undefined {
  const parts = splitKey(fullName);
  if (parts === undefined) return undefined;
  const service = resolveService(parts.prefix);
  if (service !== undefined) {
    const { list, byName } = serviceActions(service);
    const exact = byName.get(parts.rest.toLowerCase());
    if (exact !== undefined) return exact.fullName;
    const close = closestName(parts.rest, list.map((a) => a.name));
    if (close !== undefined) return `${service}:${close}`;
  }
  return sameActionElsewhere(parts.prefix, parts.rest);
}

/**
 * The action `name` in another service: the only service that has it, or else the one whose
 * prefix is close to `prefix`. Undefined when the choice would be a guess (`GetObject` exists
 * in several services).
 */
function sameActionElsewhere(prefix: string, name: string): string | undefined {
  const lowerName = name.toLowerCase();
  const found = allServices().flatMap((service) => {
    const action = serviceActions(service).byName.get(lowerName);
    return action === undefined ? [] : [action.fullName];
  });
  if (found.length === 1) return found[0];
  const service = closestName(prefix, found.map((f) => f.slice(0, f.indexOf(":"))));
  return service === undefined ? undefined : found.find((f) => f.startsWith(`${service}:`));
}

/** A resource type of `service` close to `name`. */
export function suggestResourceType(service: string, name: string): string | undefined {
  const known = knownService(service);
  if (known === undefined) return undefined;
  return closestName(name, serviceResourceTypes(known).list.map((t) => t.name));
}

/**
 * What a key name offers as a suggestion for `key`: itself, or for a templated key whose
 * placeholder follows a `/` (e.g. `aws:ResourceTag/${TagKey}`), the key with the user's tail.
 */
function keyCandidates(name: string, key: string, penalty: number): Candidate[] {
  if (!isTemplatedKey(name)) return [{ compare: name, suggest: name, penalty }];
  const slash = key.indexOf("/");
  const head = name.slice(0, name.search(/\$\{|</));
  if (slash < 0 || !head.endsWith("/")) return [];
  const tail = key.slice(slash + 1);
  return [{ compare: head + tail, suggest: head + tail, penalty }];
}

/**
 * A condition key close to `key`: among the keys of its (possibly misspelt) service and the
 * global keys. A service key that repeats a global key's name (`apprunner:ResourceTag/team`)
 * is compared without its prefix, so the `aws:` form is offered.
 */
export function suggestConditionKey(key: string): string | undefined {
  const parts = splitKey(key);
  if (parts === undefined) return undefined;
  const candidates: Candidate[] = [];
  const isAws = parts.prefix.toLowerCase() === "aws";
  for (const global of globalConditionKeys()) {
    candidates.push(...keyCandidates(global.name, key, 0));
    if (!isAws) {
      const rest = global.name.slice(global.name.indexOf(":") + 1);
      for (const c of keyCandidates(rest, parts.rest, 1)) {
        candidates.push({ ...c, compare: `${parts.prefix}:${c.compare}`, suggest: `${global.name.slice(0, global.name.indexOf(":"))}:${c.suggest}` });
      }
    }
  }
  const services = isAws ? [] : servicesForKeyPrefix(parts.prefix);
  const fallback = services.length === 0 && !isAws ? suggestService(parts.prefix) : undefined;
  for (const service of fallback !== undefined ? [fallback] : services) {
    for (const k of serviceConditionKeys(service).list) candidates.push(...keyCandidates(k.name, key, 0));
  }
  return closestCandidate(key, candidates);
}
