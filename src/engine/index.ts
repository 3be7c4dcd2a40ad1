/** The policy engine: per-cell entry points, evaluate(), explanations. Pure, no I/O. */
export {
  upgradeAward,
  upgradeAwardOrError,
  isFirstYearEligible,
  maxTotalAward,
  awardSchedule,
  cultivationStatus,
  techSubsidy,
  rentSubsidy,
  contractAward,
} from "./fast";
export { evaluate, evaluatePolicy } from "./evaluate";
export { documentAt, documentOrError, enterpriseDocument } from "./documents";
export { orThrow } from "./inputs";
export { explainAward, describePolicy } from "./explain";
export { formatWan, formatFenAsWan, mulDivHalfUp } from "./arith";
export { SCALE_THRESHOLD_FEN } from "./plan";
export type { ClauseOutcome, Evaluation, CultivationStatus } from "./types";
