/**
 * How hard a reliability test pushes: `npm test` (and CI) runs a short budget of each,
 * `npm run test:reliability` the full one (RELIABILITY_BUDGET=full).
 */
export const fullReliabilityBudget = process.env.RELIABILITY_BUDGET === 'full';

/** `short` in the everyday suite, `full` under `npm run test:reliability`. */
export function reliabilityBudget<T>(short: T, full: T): T {
  return fullReliabilityBudget ? full : short;
}
