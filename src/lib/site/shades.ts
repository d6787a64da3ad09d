/**
 * The shading the county map and the heat grids share: a count becomes one of
 * a few steps (0 = none, then 1 … SHADE_STEPS as the count nears the largest),
 * and each step is a colour pair in global.css (--shade-N behind, --shade-ink-N
 * on top), so light and dark mode both read.
 */

export const SHADE_STEPS = 4;

/** The step a count is shaded with, given the largest count shown beside it: 0 only for none. */
export function shadeStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(SHADE_STEPS, Math.max(1, Math.ceil((count / max) * SHADE_STEPS)));
}

export interface LegendStep {
  step: number;
  from: number;
  to: number;
  /** How the legend says it: 「0」「1」「2–3」. */
  label: string;
}

/** Which counts each step stands for, for a legend; steps no count falls in are left out. */
export function shadeLegend(max: number): LegendStep[] {
  const steps: LegendStep[] = [{ step: 0, from: 0, to: 0, label: '0' }];
  for (let count = 1; count <= max; count++) {
    const step = shadeStep(count, max);
    const last = steps[steps.length - 1];
    if (last && last.step === step) last.to = count;
    else steps.push({ step, from: count, to: count, label: '' });
  }
  for (const s of steps) s.label = s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`;
  return steps;
}
