// A gold set for scoring the detector: one `*.gold.json` per article (guideline in test/fixtures/gold/GUIDELINE.md).
import * as fs from 'fs';
import * as path from 'path';
import { Mention } from './spanScore';

export interface GoldArticle {
  article: string;
  reference_date: string;
  mentions: Mention[];
}

export function loadGold(dir: string): GoldArticle[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldArticle);
}
