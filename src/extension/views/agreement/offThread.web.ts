// The browser's αu runner (offThread.ts runs it in a Node worker thread): in the web worker extension host, which is
// already off the UI thread, αu is computed here after one turn of the event loop.
import { AlphaU, UnitizingStudy, unitizingAlpha } from '../../../core/review/agreement/unitizing';

export type UnitizingRunner = (study: UnitizingStudy, labels: string[]) => Promise<AlphaU>;

export function workerUnitizing(): UnitizingRunner {
  return (study, labels) => new Promise((resolve) => setTimeout(() => resolve(unitizingAlpha(study, labels)), 0));
}
