/**
 * Date condition operators: "Policy variables – Not supported", "Wildcards – Not supported".
 * Values are read by runtime/dates.ts (the one IAM date parser); an unparsable value compares
 * as NaN and never matches (`DateNotEquals` holds for it).
 */
import { parseIamDate } from "../dates.js";
import { orderedBehaviour, type BehaviourOf } from "./types.js";

export { parseIamDate } from "../dates.js";

/** By the arp comparison the row reads as. */
export const dateBehaviour: BehaviourOf = orderedBehaviour(parseIamDate);
