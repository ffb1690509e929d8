import * as assert from 'assert';
import fc from 'fast-check';
import { DATE_RE, DATE_START, FUTURE_RE, RefDate, detectDates, isoWeek, nextDate, statedDate } from '../../src/core/detect/dates';
import { referenceDate } from '../../src/core/detect/detector';

const MON_16_DEC_2024: RefDate = { year: 2024, month: 12, day: 16 };
const values = (text: string, ref = MON_16_DEC_2024) => detectDates(text, ref).map((d) => [d.text, d.value]);

describe('dates', () => {
  it('resolves year-less dates to the reference year', () => {
    assert.deepStrictEqual(values('Moscow, Dec 16 (IANS) On December 15, the withdrawal began. On Dec. 8 they entered.'),
      [['Dec 16', '2024-12-16'], ['December 15', '2024-12-15'], ['Dec. 8', '2024-12-08']]);
  });

  it('moves a year-less date across New Year when it would be half a year off', () => {
    const jan3 = { year: 2025, month: 1, day: 3 };
    assert.deepStrictEqual(values('The talks began on December 28.', jan3), [['December 28', '2024-12-28']]);
    assert.deepStrictEqual(values('The summit will open on January 12.', { year: 2024, month: 12, day: 20 }), [['January 12', '2025-01-12']]);
  });

  it('resolves weekdays to the past day in a past-tense sentence, the next one for the future', () => {
    assert.deepStrictEqual(values('On Wednesday, a Kremlin spokesperson said Moscow was in contact.'), [['Wednesday', '2024-12-11']]);
    assert.deepStrictEqual(values('the Ministry said on Sunday in a statement'), [['Sunday', '2024-12-15']]);
    assert.deepStrictEqual(values('Netanyahu is scheduled to meet Wednesday with Trump.', { year: 2024, month: 12, day: 15 }), [['Wednesday', '2024-12-18']]);
    assert.deepStrictEqual(values('the Russian Embassy said Friday, urging citizens who should leave.', { year: 2024, month: 12, day: 6 }), [['Friday', '2024-12-06']]);
  });

  it('reads "would" and "is due" as the future, and the reference date\'s own weekday as that day', () => {
    // Monday 16 December 2024.
    assert.deepStrictEqual(values('He said the bill would go to a vote on Thursday.'), [['Thursday', '2024-12-19']]);
    assert.deepStrictEqual(values('He said the bill would have gone to a vote on Thursday.'), [['Thursday', '2024-12-12']]);
    assert.deepStrictEqual(values('Her second album is due on January 23.', { year: 2024, month: 11, day: 12 }), [['January 23', '2025-01-23']]);
    assert.deepStrictEqual(values('She faced a rebellion on Monday over plans to cut benefits.'), [['Monday', '2024-12-16']]);
    assert.deepStrictEqual(values('The committee will vote on Monday.'), [['Monday', '2024-12-16']]);
  });

  it('resolves relative expressions', () => {
    assert.deepStrictEqual(values('They met last week and again yesterday; the vote is tomorrow. Last year was calm; next month too.'),
      [['last week', '2024-W50'], ['yesterday', '2024-12-15'], ['tomorrow', '2024-12-17'], ['Last year', '2023'], ['next month', '2025-01']]);
  });

  it('reads full dates, ISO dates, months with modifiers and years', () => {
    assert.deepStrictEqual(values('On 8 December 2024, and January 5, 2023, and 2024-12-08; in late November; since 2015; in March 2011.'),
      [['8 December 2024', '2024-12-08'], ['January 5, 2023', '2023-01-05'], ['2024-12-08', '2024-12-08'], ['late November', '2024-11'], ['2015', '2015'], ['March 2011', '2011-03']]);
  });

  it('does not take durations, clock times, "now", counts or copyright ranges for dates', () => {
    assert.deepStrictEqual(values('Following an 11-day offensive, a week-long advance and a four-year war, at 11:00 a.m. now, 2000 troops and 3,000 soldiers. Copyright 1999-2026 News. It may rain; troops march.'), []);
  });

  it('reads "next" with a weekday as that day of the following week, keeping "next" in the span', () => {
    // Reference Monday 16 December 2024: the following week starts on Monday 23 December.
    assert.deepStrictEqual(values('The committee meets again next Tuesday, and the board next Monday.'),
      [['next Tuesday', '2024-12-24'], ['next Monday', '2024-12-23']]);
    const thu = { year: 2024, month: 12, day: 19 };
    assert.deepStrictEqual(values('Voting resumes next Friday in the capital.', thu), [['next Friday', '2024-12-27']]);
  });

  it('keeps a modifier before "next year" and friends in the span, with the same value', () => {
    assert.deepStrictEqual(values('The plant opens early next year; the audit ended late last month.'),
      [['early next year', '2025'], ['late last month', '2024-11']]);
  });

  it('reads "March" and "May" alone after a preposition of time or a modifier, not as words or names', () => {
    assert.deepStrictEqual(values('The mill closed in March and the union has protested since May; output fell in mid-May.'),
      [['March', '2024-03'], ['May', '2024-05'], ['mid-May', '2024-05']]);
    assert.deepStrictEqual(values('Officials in May\'s cabinet may resign. Theresa May spoke. The March for Peace drew crowds.'), []);
  });

  it('numbers ISO weeks correctly at year boundaries', () => {
    assert.strictEqual(isoWeek({ year: 2024, month: 12, day: 30 }), '2025-W01');
    assert.strictEqual(isoWeek({ year: 2021, month: 1, day: 3 }), '2020-W53');
    assert.strictEqual(isoWeek({ year: 2024, month: 12, day: 9 }), '2024-W50');
  });

  it('finds the reference date: the sidecar, else the dateline, else the file date', () => {
    const mtime = new Date(Date.UTC(2026, 10, 21));
    assert.deepStrictEqual(referenceDate('Moscow, Dec 16 (IANS) Russia…', '2024-12-16', mtime), { date: MON_16_DEC_2024, source: 'sidecar' });
    assert.deepStrictEqual(referenceDate('Moscow, Dec 16 (IANS) Russia…', undefined, mtime).date, { year: 2026, month: 12, day: 16 });
    assert.strictEqual(referenceDate('Moscow, Dec 16 (IANS) Russia…', undefined, mtime).source, 'article');
    assert.deepStrictEqual(statedDate('LAGOS, March 3, 2023 (Reuters) - Nigeria…', 2026), { year: 2023, month: 3, day: 3 });
    assert.deepStrictEqual(referenceDate('No date here at all.', undefined, mtime), { date: { year: 2026, month: 11, day: 21 }, source: 'file' });
  });

  it('jumping to where dates can start finds exactly what a scan with the whole pattern finds (property)', () => {
    const units = ['Dec', 'December', ' ', '16', '2024', '2024-12-16', ',', '.', '-', 'mid', 'Mid', 'early', 'Late', 'May', 'Sunday',
      'last', 'week', 'this', 'month', 'Yesterday', 'today', '1,200', '$', 'of', 'th', 'x', '3', 'Monday', 'Sept', '😀', 'é', '19', '\n', '0'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const plain = new RegExp(DATE_RE.source, 'g');
      const want = [...text.matchAll(plain)].map((m) => `${m.index}:${m[0]}`);
      const got: string[] = [];
      for (let m = nextDate(text, 0); m; m = nextDate(text, m.index + m[0].length)) got.push(`${m.index}:${m[0]}`);
      assert.deepStrictEqual(got, want);
    }), { numRuns: 1000 });
  });

  it('the grouped start pattern starts where the spelled-out list of start words does (property)', () => {
    const spelled = /\b(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|[Ee]arly|[Mm]id|[Ll]ate|[Yy]esterday|[Tt]o(?:day|morrow)|[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)/g;
    const words = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri',
      'Sat', 'Sun', 'early', 'Early', 'mid', 'Mid', 'late', 'Late', 'yesterday', 'Yesterday', 'today', 'Today', 'tomorrow', 'Tomorrow',
      'last', 'Last', 'next', 'Next', 'this', 'This', 'past', 'Past'];
    // Near misses too: other case, one letter off, cut short, glued to a word.
    const units = [...words, ...words.map((w) => w.toUpperCase()), ...words.map((w) => w.slice(0, 2)), 'Jux', 'Tho', 'Ma', 'Ju', 'To',
      'tod', 'Nex', 'Mix', 'Sub', 'Oc', 'We', ' ', '_', '7', 'a', '-', '.', 'é', '😀'];
    const starts = (re: RegExp, text: string) => {
      const out: number[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) { out.push(m.index); re.lastIndex = m.index + 1; }
      return out;
    };
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.deepStrictEqual(starts(DATE_START, text), starts(spelled, text));
    }), { numRuns: 2000 });
    for (const w of words) assert.deepStrictEqual(starts(DATE_START, ` ${w}`), [1], w);
  });

  it('the grouped future cue pattern finds a cue exactly where the spelled-out list does (property)', () => {
    const spelled = /\b(?:will|shall|won't|should|would(?! have)|(?:is|are) due\b|is (?:scheduled|due|set|expected|slated|planned|going) to|are (?:scheduled|due|set|expected|slated|planned|going) to|plans? to|intends? to|next|upcoming|ahead of)\b/i;
    const cues = ['will', 'shall', "won't", 'should', 'would', 'would have', 'is due', 'are due', 'is scheduled to', 'are set to', 'is going to',
      'are planned to', 'plan to', 'plans to', 'intends to', 'intend to', 'next', 'upcoming', 'ahead of', 'is slated to', 'are expected to'];
    // Near misses too: other case, cut short, glued to a word, a verb without its "to".
    const units = [...cues, ...cues.map((w) => w.toUpperCase()), ...cues.map((w) => w.slice(0, -1)), 'is', 'are', 'due', 'set', 'to', 'have',
      'willing', 'swill', 'Would', 'wont', 'shoulder', 'nextdoor', 'ahead', 'of', ' ', ' ', '_', '7', 'a', '-', ',', 'é'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...units), { maxLength: 16 }), (parts) => {
      const text = parts.join(' ');
      assert.strictEqual(FUTURE_RE.test(text), spelled.test(text), text);
    }), { numRuns: 3000 });
    for (const cue of cues) assert.strictEqual(FUTURE_RE.test(`They ${cue} meet`), cue !== 'would have', cue);
  });
});
