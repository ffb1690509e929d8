import { Detector } from '../../src/core/detect/detector';

/** Monday 16 December 2024: the reference date of the detection tests. */
export const MON_16_DEC_2024 = { year: 2024, month: 12, day: 16 };

/** The names (no dates) a detector finds in `text`, as "LABEL:text", in order. */
export function foundNames(text: string, d = new Detector()): string[] {
  return d.detect(text, MON_16_DEC_2024).filter((s) => s.label !== 'DATE').map((s) => `${s.label}:${s.text}`);
}
