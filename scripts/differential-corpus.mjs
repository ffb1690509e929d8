// The generated corpus of scripts/differential.mjs: articles, one annotator's layer on an article, and the edits that
// make a sidecar stale. Everything is drawn from `rnd`, so one seed gives one corpus. Offsets are code points.

/** Mulberry32: the same seed gives the same corpus. */
export function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Gen. J. Smith', 'Bashar al-Assad', 'Mohammed bin Salman', 'Latifa bint Mohammed', 'Guillermo del Toro', 'Abu Mohammed al-Jolani',
  'Ursula von der Leyen', 'Dr. Zoe\u0301 Martin', 'Mr. Lababidi', 'Sen. A. B. Carter', 'Lt. Col. Ivan Petrov', 'Hafez ibn Rashid', 'Prof. Ana di Maio',
  'Zarqawi', 'Lababidi', 'Ms. Okafor', 'St. John Evans', 'Gen. Mazloum Abdi', 'Rami el-Khoury'];
const ORGS = ['the U.S. State Department', 'the Russian Foreign Ministry', 'TASS', 'Reuters', 'the Kremlin', 'Hayat Tahrir al-Sham (HTS)',
  'the U.K. Foreign Office', 'No. 10', 'the Syrian Observatory for Human Rights', 'the ministry', 'an anonymous Kremlin source'];
const PLACES = ['Damascus', 'Moscow', 'the Khmeimim Air Base', 'Tartus', 'Latakia', 'Kyiv', 'Idlib', 'Aleppo', 'Homs', 'Deir ez-Zor'];
const DATES = ['on Dec. 8', 'on Mar. 3', 'Jun. 5, 2024', 'on Sept. 11', 'last Friday', 'on Wednesday', 'at 9 a.m. Monday', 'in Jan. 2025',
  'on December 15', 'on Apr. 2', 'on Jul. 4'];
const CLAIMS = ['the base would close', 'Russia has evacuated some of its diplomats', 'the talks had failed', 'rebels controlled the city',
  'the embassy continues to function', 'no agreement was reached', 'the convoy reached Tartus', 'U.S. forces stayed in the east'];
// Every speech verb of either list before the merge, and "according".
const VERBS = ['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'claimed', 'claims', 'announced',
  'announces', 'confirmed', 'confirms', 'wrote', 'writes', 'insisted', 'insists', 'warned', 'warns', 'reported', 'reports', 'denied', 'denies',
  'argued', 'argues', 'explained', 'explains', 'disclosed', 'discloses', 'revealed', 'reveals', 'alleged', 'alleges', 'believes', 'believed', 'according'];
const ODD = [' 😀', ' 🇸🇾', ' 𝐀𝐁𝐂', ' 👍🏽', ' دمشق', ' Москва', ' 東京', ' —', '…', ' e\u0301te\u0301', ' Zoë', ' naïve'];

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

const SENTENCES = [
  (r) => `${cap(pick(r, CLAIMS))}, ${pick(r, PEOPLE)} ${pick(r, VERBS)} ${pick(r, DATES)}.`,
  (r) => `${pick(r, PEOPLE)} ${pick(r, VERBS)} ${pick(r, ORGS)} that ${pick(r, CLAIMS)}.`,
  (r) => `According to ${pick(r, ORGS)}, ${pick(r, CLAIMS)}.`,
  (r) => `“${cap(pick(r, CLAIMS))}.” ${pick(r, PEOPLE)} ${pick(r, VERBS)} so ${pick(r, DATES)}.`,
  (r) => `“${cap(pick(r, CLAIMS))},” ${pick(r, ORGS)} ${pick(r, VERBS)}.`,
  (r) => `It was reported that ${pick(r, CLAIMS)}, citing ${pick(r, ORGS)}.`,
  (r) => `Is it Plan B? Then ${pick(r, CLAIMS)}! ${pick(r, PEOPLE)} ${pick(r, VERBS)}.`,
  (r) => `${pick(r, PEOPLE)} allegedly ${pick(r, VERBS)} that ${pick(r, CLAIMS)}. the ministry denied it.`,
  (r) => `The strike on ${pick(r, PLACES)} killed 12. (Reuters) ${cap(pick(r, CLAIMS))}.`,
  (r) => `${cap(pick(r, ORGS))} reportedly ${pick(r, VERBS)} ${pick(r, DATES)} that ${pick(r, CLAIMS)} in ${pick(r, PLACES)}.`,
  (r) => `"${cap(pick(r, CLAIMS))}." ${pick(r, PEOPLE)} did not confirm it. ${pick(r, PEOPLE)} ${pick(r, VERBS)} it was over!`,
  (r) => `Later ${pick(r, PEOPLE).split(' ').pop()} ${pick(r, VERBS)} ${pick(r, PLACES)} was quiet ${pick(r, DATES)}.`,
  (r) => `${cap(pick(r, CLAIMS))}, as reported by ${pick(r, ORGS)}, citing ${pick(r, ORGS)}. ‘Why?’ he asked.`,
];

/** A paragraph of generated sentences. */
function synthetic(rnd) {
  const n = 1 + Math.floor(rnd() * 4);
  return Array.from({ length: n }, () => pick(rnd, SENTENCES)(rnd)).join(' ');
}

/** Emoji, astral letters, other scripts and combining marks put between words. */
function decorate(rnd, p) {
  if (rnd() > 0.35) return p;
  const words = p.split(' ');
  for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
    const i = Math.floor(rnd() * words.length);
    words[i] += pick(rnd, ODD);
  }
  return words.join(' ');
}

/** An article: a headline now and then, paragraphs of the real articles and generated ones; CRLF when asked. */
export function makeArticle(rnd, paragraphs, crlf) {
  const parts = rnd() < 0.5 ? [`${pick(rnd, PEOPLE)} ${pick(rnd, VERBS)} ${pick(rnd, CLAIMS).toUpperCase()}`] : [];
  const n = 3 + Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) parts.push(decorate(rnd, rnd() < 0.45 ? pick(rnd, paragraphs) : synthetic(rnd)));
  const text = `${parts.join(rnd() < 0.5 ? '\n' : '\n\n')}\n`;
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Code point offsets of UTF-16 indices in `text`. */
function cpIndex(text) {
  const cp = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length)) n++;
  }
  cp[text.length] = n;
  return cp;
}

const NAME_RE = /(?:\p{Lu}\.\s)*\p{Lu}[\p{L}\p{M}'’-]*(?:\s(?:(?:al|el|bin|bint|ibn|abu|de|del|di|da|van|von|der|of|the)\s)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
const DATE_RE = /\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2})?(?:, \d{4})?|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b20\d\d\b/g;
const SENTENCE_RE = /[^.!?\r\n]+[.!?]?["”’]?/g;
const CUE_RE = new RegExp(`\\b(?:${VERBS.join('|')}|according to|citing)\\b`, 'g');

/** Spans a regex finds in text[from, to) (UTF-16), as code point spans. */
function spans(re, text, cp, from = 0, to = text.length) {
  const out = [];
  for (const m of text.slice(from, to).matchAll(re)) {
    const s = from + m.index;
    if (m[0].trim()) out.push({ start: cp[s], end: cp[s + m[0].length] });
  }
  return out;
}

function subset(rnd, xs, most) {
  return xs.filter(() => rnd() < most / Math.max(most, xs.length));
}

/** What a sidecar stores about [start, end): the quote and 32 code points of context each side. */
function anchorOf(cps, start, end) {
  return { start, end, quote: cps.slice(start, end).join(''), prefix: cps.slice(Math.max(0, start - 32), start).join(''), suffix: cps.slice(end, end + 32).join('') };
}

const sub = (cps, s, rnd) => ({ start: s.start, end: s.end, quote: cps.slice(s.start, s.end).join(''), ...(rnd() < 0.04 ? { orphaned: true } : {}) });

function entitiesOf(rnd, text, cps, cp, annotator, n) {
  const found = [...spans(NAME_RE, text, cp).map((s) => ({ ...s, label: pick(rnd, ['PERSON', 'ORG', 'PLACE']) })), ...spans(DATE_RE, text, cp).map((s) => ({ ...s, label: 'DATE' }))];
  const chosen = subset(rnd, found, 12);
  // Odd spans: off token edges, across line breaks, inside words.
  for (let k = 0; rnd() < 0.3 && k < 3; k++) {
    const start = Math.floor(rnd() * (cps.length - 2));
    chosen.push({ start, end: Math.min(cps.length, start + 1 + Math.floor(rnd() * 20)), label: pick(rnd, ['PERSON', 'ORG', 'EVENT']) });
  }
  return chosen.filter((s) => cps.slice(s.start, s.end).join('').length).map((s, i) => {
    const shift = annotator === 'bob' && rnd() < 0.1 ? 1 : 0;
    const e = { id: `e-${n}-${annotator}-${i}`, label: s.label, ...anchorOf(cps, s.start, Math.max(s.start + 1, s.end - shift)) };
    if (s.label === 'DATE' && rnd() < 0.5) e.value = `2024-12-0${1 + Math.floor(rnd() * 9)}`;
    if (rnd() < 0.1) e.canonical = e.quote.toUpperCase();
    if (rnd() < 0.04) e.orphaned = true;
    return e;
  });
}

function claimOf(rnd, text, cps, cp, sentence, id) {
  const s16 = text.indexOf(sentence.text, sentence.from);
  const comma = sentence.text.indexOf(',');
  const claimEnd = comma > 10 && rnd() < 0.5 ? s16 + comma : s16 + sentence.text.trimEnd().replace(/[.!?"”’]+$/, '').length;
  const c = { id, ...anchorOf(cps, cp[s16], Math.max(cp[s16] + 1, cp[claimEnd])), source: { name: pick(rnd, [...PEOPLE, ...ORGS]) } };
  const cue = spans(CUE_RE, text, cp, s16, s16 + sentence.text.length)[0];
  const names = spans(NAME_RE, text, cp, s16, s16 + sentence.text.length);
  // The source span is now and then a name elsewhere in the article (it was picked in another sentence).
  const name = rnd() < 0.2 ? pick(rnd, spans(NAME_RE, text, cp)) : names[names.length - 1];
  if (name) c.source = { name: cps.slice(name.start, name.end).join(''), span: sub(cps, name, rnd) };
  c.confidence = pick(rnd, [0, 0.25, 0.5, 0.75, 0.9, 1]);
  if (rnd() < 0.7) c.factuality = pick(rnd, ['asserted', 'reported', 'hedged', 'denied', 'unknown']);
  if (cue) c.cue = sub(cps, cue, rnd);
  if (rnd() < 0.15) c.note = pick(rnd, ['checked, "twice"', 'see TASS\nand RIA', 'ok']);
  if (rnd() < 0.1) c.links = [{ relation: pick(rnd, ['same', 'supports', 'contradicts']), article: 'a000.txt', claim: 'c-0-ana-0', quote: 'the base would close' }];
  if (rnd() < 0.03) c.orphaned = true;
  return c;
}

function knock(a, by) {
  a.start += by;
  a.end += by;
}

/** One annotator's entities and claims on `text`; a few carry offsets a hand edit knocked off. */
export function annotate(rnd, text, annotator, n) {
  const cps = Array.from(text);
  const cp = cpIndex(text);
  const entities = entitiesOf(rnd, text, cps, cp, annotator, n);
  const sentences = [...text.matchAll(SENTENCE_RE)].filter((m) => m[0].trim().length > 12).map((m) => ({ text: m[0].trimStart(), from: m.index }));
  const claims = subset(rnd, sentences, 4).map((s, i) => claimOf(rnd, text, cps, cp, s, `c-${n}-${annotator}-${i}`));
  // Hand edits that knock offsets off: an entity by two code points, a claim (not its cue and source) by up to 60.
  if (rnd() < 0.04 && entities.length) knock(pick(rnd, entities), 2);
  if (rnd() < 0.08 && claims.length) knock(pick(rnd, claims), 10 + Math.floor(rnd() * 50));
  const order = (a, b) => a.start - b.start || (a.id < b.id ? -1 : 1);
  return { entities: entities.sort(order), claims: claims.sort(order) };
}

/** The article as edited after its sidecars were written: text added, paragraphs removed or doubled, words retyped. */
export function staleEdit(rnd, text) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let paras = text.split(eol);
  const edits = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(rnd() * paras.length);
    const kind = Math.floor(rnd() * 5);
    if (kind === 0) paras.splice(i, 0, synthetic(rnd));
    else if (kind === 1) paras.splice(i, 1);
    else if (kind === 2) paras.splice(i, 0, paras[i] ?? '');
    else if (kind === 3) paras[i] = (paras[i] ?? '').replace(/\b(\p{L})(\p{L}{5,})/u, (_, a, b) => `${a}${b[1]}${b[0]}${b.slice(2)}`);
    else {
      const cps = Array.from(paras[i] ?? '');
      const at = Math.floor(rnd() * cps.length);
      paras[i] = [...cps.slice(0, at), ...cps.slice(at + 1 + Math.floor(rnd() * 30))].join('');
    }
  }
  paras = paras.length ? paras : ['Nothing left.'];
  return paras.join(eol);
}
