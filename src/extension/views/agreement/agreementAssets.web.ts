// The agreement report's style sheet and script in the browser (agreementAssets.ts reads them on Node): bundled into
// dist/web.js as text (scripts/webBuild.mjs resolves `sift-media:` imports), since the web worker has no synchronous read.
import { text as css } from 'sift-media:agreement/report.css';
import { text as js } from 'sift-media:agreement/report.js';

export type { ReportAssets } from './agreementAssets';

export function readAssets(): { css: string; js: string } {
  return { css, js };
}
