// Independent readers for the export formats, written from the formats' public definitions (CoNLL-2003 columns and
// BIO, brat standoff, RFC 4180 CSV, JSON Lines), not from Sift's writers. Tests read exports back with these.

export interface ReadSpan {
  start: number;
  end: number;
  label: string;
  text: string;
}

/** RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CRLF and doubled quotes. */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && src[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    field += c;
    i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** BIO tags over tokens -> spans, with offsets found by locating each token in the text in order. */
export function bioToSpans(text: string, tokens: string[], tags: string[], from = 0): { spans: ReadSpan[]; next: number } {
  const cps = Array.from(text);
  const joined = cps;
  let cursor = from;
  const offsets: [number, number][] = [];
  for (const t of tokens) {
    const tc = Array.from(t);
    let at = cursor;
    while (at < joined.length && joined.slice(at, at + tc.length).join('') !== t) at++;
    if (at >= joined.length) throw new Error(`token '${t}' not found after ${cursor}`);
    offsets.push([at, at + tc.length]);
    cursor = at + tc.length;
  }
  const spans: ReadSpan[] = [];
  let open: ReadSpan | undefined;
  tags.forEach((tag, i) => {
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (!open || open.label !== tag.slice(2)))) {
      if (open) spans.push(open);
      open = { start: offsets[i][0], end: offsets[i][1], label: tag.slice(2), text: '' };
    } else if (tag.startsWith('I-') && open) {
      open.end = offsets[i][1];
    } else if (tag === 'O' && open) {
      spans.push(open);
      open = undefined;
    }
  });
  if (open) spans.push(open);
  for (const s of spans) s.text = cps.slice(s.start, s.end).join('');
  return { spans, next: cursor };
}

/** CoNLL-2003 style: documents start with -DOCSTART-; blank lines end sentences; the last column is the BIO tag. */
export function parseConll(src: string): { tokens: string[]; tags: string[]; sentences: number }[] {
  const docs: { tokens: string[]; tags: string[]; sentences: number }[] = [];
  let doc: { tokens: string[]; tags: string[]; sentences: number } | undefined;
  let inSentence = false;
  for (const line of src.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      doc = { tokens: [], tags: [], sentences: 0 };
      docs.push(doc);
      inSentence = false;
      continue;
    }
    if (line.trim() === '') {
      if (inSentence && doc) doc.sentences++;
      inSentence = false;
      continue;
    }
    const cols = line.split(' ');
    doc!.tokens.push(cols[0]);
    doc!.tags.push(cols[cols.length - 1]);
    inSentence = true;
  }
  return docs;
}

export interface BratAnn {
  spans: (ReadSpan & { id: string; fragments: [number, number][] })[];
  attributes: { id: string; name: string; target: string; value: string }[];
  relations: { id: string; type: string; arg1: string; arg2: string }[];
  notes: { target: string; text: string }[];
}

/** brat standoff .ann: T (text-bound), A (attribute), R (relation) and # (note) lines, tab-separated. */
export function parseBrat(ann: string, text: string): BratAnn {
  const cps = Array.from(text);
  const out: BratAnn = { spans: [], attributes: [], relations: [], notes: [] };
  for (const line of ann.split('\n').filter(Boolean)) {
    const [id, mid, rest] = line.split('\t');
    if (id.startsWith('T')) {
      const [label, ...offs] = mid.split(' ');
      const fragments = offs.join(' ').split(';').map((f) => f.trim().split(' ').map(Number) as [number, number]);
      const expected = fragments.map(([s, e]) => cps.slice(s, e).join('')).join(' ');
      if (expected !== rest) throw new Error(`${id}: text '${rest}' is not the text at its offsets '${expected}'`);
      out.spans.push({ id, label, fragments, start: fragments[0][0], end: fragments[fragments.length - 1][1], text: cps.slice(fragments[0][0], fragments[fragments.length - 1][1]).join('') });
    } else if (id.startsWith('A')) {
      const [name, target, value] = mid.split(' ');
      out.attributes.push({ id, name, target, value });
    } else if (id.startsWith('R')) {
      const [type, a1, a2] = mid.split(' ');
      out.relations.push({ id, type, arg1: a1.replace('Arg1:', ''), arg2: a2.replace('Arg2:', '') });
    } else if (id.startsWith('#')) {
      out.notes.push({ target: mid.split(' ')[1], text: rest });
    }
  }
  return out;
}
