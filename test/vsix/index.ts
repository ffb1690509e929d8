import { runMochaIn } from '../integration/runner';

/** Runs inside a host where Sift was installed from its .vsix, not loaded from the source folder. */
export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
