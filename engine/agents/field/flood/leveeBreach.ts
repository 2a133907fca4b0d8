// Levee-breach inflow into a polder. Free flow over the breach is a broad-crested weir, Q = C·b·h^1.5
// (Chow 1959, "Open-Channel Hydraulics", §14); once the polder water backs up over the sill the flow is
// reduced by Villemonte's (1947) submergence factor (1 − (d/h)^1.5)^0.385. The polder fills as a
// level pool: dd/dt = Q / A.

export interface BreachInputs {
  breachWidthM: number;
  headM: number;
  polderAreaM2: number;
  initialDepthM: number;
  weirCoefficient: number;
}

export function weirInflowM3PerS(weirCoefficient: number, breachWidthM: number, headM: number): number {
  return weirCoefficient * breachWidthM * headM ** 1.5;
}

export function submergedInflowM3PerS(inputs: BreachInputs, polderDepthM: number): number {
  return submergedFromFree(weirInflowM3PerS(inputs.weirCoefficient, inputs.breachWidthM, inputs.headM), inputs.headM, polderDepthM);
}

/** The submerged flow from the free flow: the free flow is the same on every step, so the integration
 *  computes it once (the same numbers as submergedInflowM3PerS). */
function submergedFromFree(freeM3PerS: number, headM: number, polderDepthM: number): number {
  const submergence = Math.min(1, Math.max(0, polderDepthM / headM));
  return freeM3PerS * Math.max(0, 1 - submergence ** 1.5) ** 0.385;
}

/** Hours until the polder reaches each depth (null when it never does: the lake level caps it). */
export function hoursToDepths(inputs: BreachInputs, targetDepthsM: readonly number[]): Array<number | null> {
  const targets = [...targetDepthsM].sort((a, b) => a - b);
  const found = new Map<number, number | null>();
  let depth = inputs.initialDepthM;
  let seconds = 0;
  const stepS = 60;
  const horizonS = 30 * 24 * 3600;
  let next = 0;
  const free = weirInflowM3PerS(inputs.weirCoefficient, inputs.breachWidthM, inputs.headM);
  while (next < targets.length && (targets[next] as number) <= depth) found.set(targets[next++] as number, 0);
  // Heun's method: second-order accurate with a one-minute step; the level never overshoots the head.
  while (next < targets.length && seconds < horizonS) {
    const k1 = submergedFromFree(free, inputs.headM, depth) / inputs.polderAreaM2;
    const k2 = submergedFromFree(free, inputs.headM, depth + k1 * stepS) / inputs.polderAreaM2;
    const nextDepth = depth + ((k1 + k2) / 2) * stepS;
    while (next < targets.length && nextDepth >= (targets[next] as number)) {
      const target = targets[next] as number;
      const fraction = (target - depth) / (nextDepth - depth);
      found.set(target, (seconds + fraction * stepS) / 3600);
      next++;
    }
    if (nextDepth - depth < 1e-9) break; // the polder has reached the outside level
    depth = nextDepth;
    seconds += stepS;
  }
  return targetDepthsM.map((d) => found.get(d) ?? null);
}

/** SCS curve-number direct runoff (USDA NRCS TR-55, 1986): Q = (P − 0.2S)² / (P + 0.8S), S = 25400/CN − 254 (mm). */
export function scsRunoffMm(rainMm: number, curveNumber: number): number {
  const s = 25400 / curveNumber - 254;
  const ia = 0.2 * s;
  return rainMm <= ia ? 0 : (rainMm - ia) ** 2 / (rainMm - ia + s);
}
