// The agreement report's HTML: the webview's page and the saved, self-contained report share one shell, one style
// sheet and one script (media/agreement/). A strict Content-Security-Policy with a nonce: nothing remote, no inline
// code but ours. In the webview the data comes by postMessage; a saved file carries it as escaped JSON, never as HTML.
import { escapeHtml, jsonForScript, makeNonce } from '../../platform/html';
import { AgreementModel } from './agreementModel';
import type { ReportAssets } from './agreementAssets';

export type { ReportAssets } from './agreementAssets';

export { readAssets } from './agreementAssets';

function page(title: string, csp: string, nonce: string, assets: ReportAssets, data: string): string {
  const n = escapeHtml(nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${n}">${assets.css}</style>
</head>
<body>
<main id="report" aria-live="polite"><p>Computing agreement…</p></main>
${data}<script nonce="${n}">${assets.js}</script>
</body>
</html>
`;
}

/** The webview's page; `cspSource` is the webview's own source. */
export function webviewHtml(assets: ReportAssets, cspSource: string, nonce = makeNonce()): string {
  const csp = `default-src 'none'; img-src ${cspSource}; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return page('Sift: Agreement', csp, nonce, assets, '');
}

/** A saved report: self-contained, the model as JSON that the same script draws (without filters and links). */
export function savedHtml(assets: ReportAssets, model: AgreementModel, nonce = makeNonce()): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const data = `<script type="application/json" id="sift-data">${jsonForScript(model)}</script>\n`;
  return page('Sift agreement report', csp, nonce, assets, data);
}
