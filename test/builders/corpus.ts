// Test builder for a corpus on disk: articles and several annotators' sidecars, written with the core's own serializer.
//
//   const corpus = aCorpus()
//     .withArticle('a.txt', 'Moscow said on Monday that Damascus ...')
//       .annotatedBy(['ann1', 'ann2'], (l) => l.withEntity('Moscow', 'PLACE'))   // both agree
//       .annotatedBy('ann3', (l) => l.withEntity('Moscow', 'ORG'))               // one disagrees
//     .withSample('000_f5a8d1d13f9f611e.txt')
//       .annotatedBy('ann1', (l) => l.withClaim('Russia has evacuated', { source: 'Russian Foreign Ministry' }))
//     .build();
//   corpus.dir; corpus.sidecarPath('a.txt', 'ann3'); corpus.layer('a.txt', 'ann1'); corpus.remove();
//
// It writes a new temporary folder (or the one given to `in`). Like the layer builder, it is immutable.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Layer } from '../../src/core/model';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { aLayer, LayerBuilder } from './layer';

export const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');

interface ArticleSpec {
  /** Relative to the corpus folder; may hold sub-folders ('2024/a.txt'). */
  name: string;
  /** The text the sidecars were written for. */
  text: string;
  /** The text on disk, when the article changed after it was annotated. */
  onDisk?: string;
  layers: readonly LayerBuilder[];
  raw: readonly { annotator: string; yaml: string }[];
}

interface State {
  dir?: string;
  articles: readonly ArticleSpec[];
}

export interface WrittenLayer {
  /** The article's name in the corpus. */
  article: string;
  annotator: string;
  layer: Layer;
  path: string;
}

export interface BuiltCorpus {
  dir: string;
  /** Article names, as given. */
  articles: string[];
  /** Every annotator with a sidecar in the corpus, sorted. */
  annotators: string[];
  /** The layers written, in the order they were added. */
  layers: WrittenLayer[];
  /** Every sidecar written (hand-written ones too). */
  sidecars: string[];
  articlePath(name: string): string;
  sidecarPath(name: string, annotator: string): string;
  /** The layer written for an article and annotator; throws when there is none. */
  layer(name: string, annotator: string): Layer;
  /** Deletes what build() wrote: the whole folder when build() made it, else only its own files. */
  remove(): void;
}

/** `<dir>/<sub>/<stem>.<annotator>.ann.yaml`, the format's naming rule, stated here independently of the core. */
function sidecarFile(dir: string, name: string, annotator: string): string {
  const base = path.basename(name);
  const dot = base.lastIndexOf('.');
  return path.join(dir, path.dirname(name), `${dot > 0 ? base.slice(0, dot) : base}.${annotator}.ann.yaml`);
}

export class CorpusBuilder {
  constructor(private readonly s: State = { articles: [] }) {}

  private with(patch: Partial<State>): CorpusBuilder {
    return new CorpusBuilder({ ...this.s, ...patch });
  }

  private last(what: string): ArticleSpec {
    const a = this.s.articles[this.s.articles.length - 1];
    if (!a) throw new Error(`aCorpus(): ${what} needs an article first (withArticle or withSample)`);
    return a;
  }

  private replaceLast(patch: Partial<ArticleSpec>): CorpusBuilder {
    const a = this.last('this');
    return this.with({ articles: [...this.s.articles.slice(0, -1), { ...a, ...patch }] });
  }

  /** Writes into an existing folder (an integration test's workspace) instead of a new temporary one. */
  in(dir: string): CorpusBuilder {
    return this.with({ dir });
  }

  /** Adds an article; the annotatedBy, withRawSidecar and editedTo calls after it apply to it. */
  withArticle(name: string, text: string): CorpusBuilder {
    if (this.s.articles.some((a) => a.name === name)) throw new Error(`aCorpus(): '${name}' is already in the corpus`);
    return this.with({ articles: [...this.s.articles, { name, text, layers: [], raw: [] }] });
  }

  /** Adds a copy of one of the sample articles in samples/, under its own name or another. */
  withSample(sample: string, as = sample): CorpusBuilder {
    return this.withArticle(as, fs.readFileSync(path.join(SAMPLES, sample), 'utf8'));
  }

  /**
   * Gives the latest article a layer by each annotator named: `annotate` gets a layer builder already set to the
   * article's text and name and to that annotator. Without `annotate` the layer is empty.
   */
  annotatedBy(annotators: string | string[], annotate: (l: LayerBuilder) => LayerBuilder = (l) => l): CorpusBuilder {
    const a = this.last('annotatedBy');
    const added = [annotators].flat().map((who) => annotate(aLayer().forArticle(a.text, path.basename(a.name)).by(who)));
    return this.replaceLast({ layers: [...a.layers, ...added] });
  }

  /**
   * Adds a layer made elsewhere (say, a shared base that diverges per annotator). It goes with the article of its name;
   * when the corpus has no such article yet, the builder's own text is added as one.
   */
  withLayer(layer: LayerBuilder): CorpusBuilder {
    const i = this.s.articles.findIndex((a) => a.name === layer.article || path.basename(a.name) === layer.article);
    if (i < 0) {
      if (layer.text === undefined) throw new Error(`aCorpus(): no article '${layer.article}' for the layer by ${layer.annotator}`);
      return this.withArticle(layer.article, layer.text).withLayer(layer);
    }
    const a = this.s.articles[i];
    const fitted = layer.text === undefined ? layer.forArticle(a.text, path.basename(a.name)) : layer;
    if (fitted.text !== a.text) throw new Error(`aCorpus(): the layer by ${layer.annotator} was built for another text than '${a.name}'`);
    const articles = [...this.s.articles];
    articles[i] = { ...a, layers: [...a.layers, fitted] };
    return this.with({ articles });
  }

  /** A sidecar for the latest article written exactly as given: hand edits, comments, broken YAML. */
  withRawSidecar(annotator: string, yaml: string): CorpusBuilder {
    const a = this.last('withRawSidecar');
    return this.replaceLast({ raw: [...a.raw, { annotator, yaml }] });
  }

  /** The latest article's file gets this text instead: its sidecars describe the text it had (stale, to re-anchor). */
  editedTo(text: string): CorpusBuilder {
    return this.replaceLast({ onDisk: text });
  }

  build(): BuiltCorpus {
    const made = this.s.dir === undefined;
    const dir = this.s.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sift-corpus-'));
    const files: string[] = [];
    const layers: WrittenLayer[] = [];
    const sidecars: string[] = [];
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      files.push(file);
    };
    for (const a of this.s.articles) {
      write(path.join(dir, a.name), a.onDisk ?? a.text);
      const seen = new Set<string>();
      const once = (annotator: string) => {
        if (seen.has(annotator)) throw new Error(`aCorpus(): '${a.name}' has two sidecars by ${annotator}`);
        seen.add(annotator);
        const file = sidecarFile(dir, a.name, annotator);
        sidecars.push(file);
        return file;
      };
      for (const b of a.layers) {
        const layer = b.build();
        const file = once(layer.header.annotator);
        write(file, serializeSidecar(layer));
        layers.push({ article: a.name, annotator: layer.header.annotator, layer, path: file });
      }
      for (const r of a.raw) write(once(r.annotator), r.yaml);
    }
    const annotators = [...new Set([...layers.map((l) => l.annotator), ...this.s.articles.flatMap((a) => a.raw.map((r) => r.annotator))])].sort();
    return {
      dir,
      articles: this.s.articles.map((a) => a.name),
      annotators,
      layers,
      sidecars,
      articlePath: (name) => path.join(dir, name),
      sidecarPath: (name, annotator) => sidecarFile(dir, name, annotator),
      layer: (name, annotator) => {
        const hit = layers.find((l) => l.article === name && l.annotator === annotator);
        if (!hit) throw new Error(`no layer by ${annotator} on '${name}' in this corpus`);
        return hit.layer;
      },
      remove: () => {
        if (made) fs.rmSync(dir, { recursive: true, force: true });
        else for (const f of files) fs.rmSync(f, { force: true });
      },
    };
  }
}

export function aCorpus(): CorpusBuilder {
  return new CorpusBuilder();
}
