// The agreement report's style sheet and script (media/agreement/), read from the extension's folder on Node; the
// browser build bundles them as text instead (agreementAssets.web.ts).
import * as fs from 'fs';
import * as path from 'path';

export interface ReportAssets {
  css: string;
  js: string;
}

/** The style sheet and script, read from the extension's media folder. */
export function readAssets(extensionPath: string): ReportAssets {
  const dir = path.join(extensionPath, 'media', 'agreement');
  return { css: fs.readFileSync(path.join(dir, 'report.css'), 'utf8'), js: fs.readFileSync(path.join(dir, 'report.js'), 'utf8') };
}
