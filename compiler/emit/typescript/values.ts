/**
 * Generation-time readings of condition values fixed in the policy (numbers, dates, IP ranges,
 * base-64), so the generated code compares against constants instead of re-parsing the policy
 * on every request. All four are read by the runtime's own parsers, so a
 * policy value means the same to both evaluators; request values are read by the same
 * functions, carried as source text (snippetsValues.ts, extracted from runtime/).
 */
export { parseDecimal as readNumber } from "../../../runtime/operators/numeric.js";
export { parseIamDate as readDate } from "../../../runtime/operators/date.js";
export { parseCidr as readCidr } from "../../../runtime/operators/ip.js";
export { binaryBytes as readBinary } from "../../../runtime/operators/binary.js";
