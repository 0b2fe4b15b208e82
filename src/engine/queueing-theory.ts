/**
 * Closed-form answers of queueing theory that the simulator is checked against (tests and
 * bench/mmc.ts). Rates are per unit of time, times in the same unit.
 */

/**
 * Erlang C: probability that an arrival waits in an M/M/c queue with offered load
 * a = λ/μ (erlangs), c servers, a < c. Computed with the Erlang B recursion
 * B(k) = a·B(k−1) / (k + a·B(k−1)), which is stable for large c, then
 * C = c·B / (c − a·(1 − B)) (Kleinrock, Queueing Systems vol. 1, §3.5).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!(offeredLoad < servers)) throw new RangeError(`Erlang C needs offered load < servers, got ${offeredLoad} >= ${servers}`);
  let erlangB = 1;
  for (let k = 1; k <= servers; k++) erlangB = (offeredLoad * erlangB) / (k + offeredLoad * erlangB);
  return (servers * erlangB) / (servers - offeredLoad * (1 - erlangB));
}

/** Mean wait in queue of M/M/c: W_q = C(c, λ/μ) / (cμ − λ). */
export function mmcMeanWait(arrivalRate: number, serviceRate: number, servers: number): number {
  return erlangC(servers, arrivalRate / serviceRate) / (servers * serviceRate - arrivalRate);
}

/**
 * Mean wait in queue of M/G/1 by Pollaczek–Khinchine: W_q = λ·E[S²] / (2(1 − ρ)).
 * For M/D/1 with service time d: E[S²] = d², so W_q = ρ·d / (2(1 − ρ)).
 */
export function mg1MeanWait(arrivalRate: number, meanService: number, secondMomentService: number): number {
  const rho = arrivalRate * meanService;
  if (!(rho < 1)) throw new RangeError(`Pollaczek–Khinchine needs utilisation < 1, got ${rho}`);
  return (arrivalRate * secondMomentService) / (2 * (1 - rho));
}
