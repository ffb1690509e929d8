// The browser's agreement runner (offThread.ts runs the report in a Node worker thread): the web worker extension host
// is already off the UI thread, so the report is computed here, in slices, the articles read through the file port.
import { AgreementRunner, ReadBytes, hostRunner } from './agreementRunner';

export { AgreementRunner, SliceClock } from './agreementRunner';

const noRead: ReadBytes = (file) => Promise.reject(new Error(`${file}: no file port to read articles through in the browser`));

/** The report computed on the host in the browser (no worker thread there). */
export const inThread: AgreementRunner = hostRunner(noRead);

/** The same shape as the Node build's AgreementWorker: here every report is computed on the host, in slices. */
export class AgreementWorker {
  readonly run: AgreementRunner;

  constructor(_file: string, _onFallback: (why: string) => void = () => undefined, read: ReadBytes = noRead) {
    this.run = hostRunner(read);
  }

  /** There is no thread to start in the browser. */
  warm(): boolean { return false; }

  dispose(): void { /* nothing held */ }
}
