// The agreement report as text: a table to read at a glance, and CSV (one figure a row, with its counts) for a
// spreadsheet or a paper's appendix. The same for `sift agree` and the editor's "save as CSV".
import { AgreementReport, Figure } from './shape';

const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? '—' : v.toFixed(digits));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** How a name from data (article, annotator, label) is shown: the CLI escapes control and bidi characters. */
export type NameShown = (s: string) => string;
const asIs: NameShown = (s) => s;

const counted = (f: Figure) => `${f.used} used${f.incomplete ? `, ${f.incomplete} incomplete` : ''}, ${f.excluded} excluded`;

function pairsTable(r: AgreementReport, name: NameShown): string {
  const header = ['pair', 'F1 exact', 'F1 overlap', ...r.labels.map((l) => `F1 ${name(l)}`), 'κ tokens', 'used', 'excluded', 'articles'];
  const rows = r.pairs.map((p) => [`${name(p.a)} × ${name(p.b)}`, num(p.f1.micro), num(p.overlap_f1.micro), ...r.labels.map((l) => num(p.f1[l])), num(p.kappa), String(p.used), String(p.excluded), String(p.articles)]);
  return table(header, rows);
}

function claimsText(r: AgreementReport, name: NameShown): string[] {
  const c = r.claims;
  if (c.claims === 0) return ['Claims: none'];
  const rows = c.pairs.map((p) => [`${name(p.a)} × ${name(p.b)}`, num(p.f1), num(p.overlap_f1), num(p.factuality_kappa.value), String(p.factuality_kappa.used)]);
  return [
    `Claims: ${c.claims} claim(s), ${c.units} unit(s), ${c.matched} matched by two or more annotators`,
    table(['pair', 'F1 exact', 'F1 overlap', 'κ factuality', 'used'], rows),
    `  source α (nominal) ${num(c.source_alpha.value)} (${counted(c.source_alpha)}); factuality α ${num(c.factuality_alpha.value)} (${counted(c.factuality_alpha)}); confidence α (interval) ${num(c.confidence_alpha.value)} (${counted(c.confidence_alpha)})`,
    ...c.caveats.map((x) => `  note: ${x}`),
  ];
}

/** The report as a readable text table. */
export function agreementText(r: AgreementReport, name: NameShown = asIs, worst = 10): string {
  const n = r.counts;
  const out = [
    `Agreement of ${r.annotators.map(name).join(', ') || 'no annotators'} on ${n.annotated} of ${n.articles} article(s): ${n.spans} entity span(s), ${n.tokens} token unit(s); lengths in code points`,
    '',
    pairsTable(r, name),
    '',
    `Fleiss' κ (tokens) ${num(r.fleiss_kappa)} (${counted(n.fleiss_kappa)})`,
    `Krippendorff's α (tokens, nominal) ${num(r.alpha)} (${counted(n.alpha)})`,
    `Krippendorff's αu (code points) ${Object.entries(r.alpha_u).map(([k, v]) => `${name(k)} ${num(v)}`).join(', ')} (${n.alpha_u.articles} article(s), ${n.alpha_u.length} code points)`,
    '',
    ...claimsText(r, name),
  ];
  const rows = r.articles.filter((a) => a.annotators.length > 1).slice(0, worst);
  if (rows.length) out.push('', `Lowest agreement (of ${r.articles.length} article(s)):`, table(['article', 'α tokens', 'F1 exact', 'annotators'], rows.map((a) => [name(a.article), num(a.alpha), num(a.f1), a.annotators.map(name).join(',')])));
  if (r.caveats.length) out.push('', ...r.caveats.map((c) => `note: ${name(c)}`));
  return `${out.join('\n')}\n`;
}

/** A CSV cell; a string that a spreadsheet would take for a formula is prefixed with an apostrophe. */
const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One figure a row: measure, a, b, label, value, used, excluded. */
export function agreementCsv(r: AgreementReport): string {
  const rows: (string | number | null)[][] = [['measure', 'a', 'b', 'label', 'value', 'used', 'excluded']];
  for (const p of r.pairs) {
    for (const [l, v] of Object.entries(p.f1)) rows.push(['f1', p.a, p.b, l, v, p.counts.spans[l] ? p.counts.spans[l].a + p.counts.spans[l].b : null, null]);
    for (const [l, v] of Object.entries(p.overlap_f1)) rows.push(['overlap_f1', p.a, p.b, l, v, p.counts.spans[l] ? p.counts.spans[l].a + p.counts.spans[l].b : null, null]);
    rows.push(['kappa', p.a, p.b, '', p.kappa, p.used, p.excluded]);
  }
  rows.push(['fleiss_kappa', '', '', '', r.fleiss_kappa, r.counts.fleiss_kappa.used, r.counts.fleiss_kappa.excluded]);
  rows.push(['alpha', '', '', '', r.alpha, r.counts.alpha.used, r.counts.alpha.excluded]);
  for (const [l, v] of Object.entries(r.alpha_u)) rows.push(['alpha_u', '', '', l, v, r.counts.alpha_u.length, null]);
  const c = r.claims;
  for (const p of c.pairs) {
    rows.push(['claim_f1', p.a, p.b, '', p.f1, p.counts.a + p.counts.b, null], ['claim_overlap_f1', p.a, p.b, '', p.overlap_f1, p.counts.a + p.counts.b, null]);
    rows.push(['claim_factuality_kappa', p.a, p.b, '', p.factuality_kappa.value, p.factuality_kappa.used, p.factuality_kappa.excluded]);
  }
  for (const [m, f] of [['claim_source_alpha', c.source_alpha], ['claim_factuality_alpha', c.factuality_alpha], ['claim_confidence_alpha', c.confidence_alpha]] as const) rows.push([m, '', '', '', f.value, f.used, f.excluded]);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}
