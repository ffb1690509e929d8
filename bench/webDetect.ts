// Detection throughput of the bundled detector in a worker, web against Node, side by side in one run: the same
// worker module (bench/webDetectWorker.ts) bundled for the browser and run in a Web Worker in headless Chromium, and
// bundled for Node and run in a worker thread, each on the same articles, warmed up alike and timing itself.
// Also the size of the web bundle (dist/web.js as the package ships it, minified).
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';
import { Worker } from 'worker_threads';
import type * as Esbuild from 'esbuild';
import type * as Playwright from 'playwright-core';
import type { DetectJob, DetectTimes } from './webDetectWorker';
import { median } from './stats';

const root = path.resolve(__dirname, '..');
// Loaded from node_modules at run time, not bundled into the bench (both ship native or large parts).
const load = createRequire(path.join(root, 'package.json'));
const CHROMIUM = process.env.SIFT_CHROMIUM ?? '/usr/bin/chromium';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

async function bundle(platform: 'browser' | 'node', outfile: string): Promise<void> {
  const esbuild = load('esbuild') as typeof Esbuild;
  await esbuild.build({
    entryPoints: [path.join(root, 'bench', 'webDetectWorker.ts')], outfile, bundle: true, minify: true, platform,
    format: platform === 'browser' ? 'iife' : 'cjs', target: platform === 'browser' ? 'es2022' : 'node20', logLevel: 'warning',
  });
}

function inNodeWorker(file: string, job: DetectJob): Promise<DetectTimes> {
  return new Promise((resolve, reject) => {
    const w = new Worker(file);
    w.once('message', (m: DetectTimes | { error: string }) => { void w.terminate(); if ('error' in m) reject(new Error(m.error)); else resolve(m); });
    w.once('error', reject);
    w.postMessage(job);
  });
}

/** Serves the page and the worker script on 127.0.0.1, so the worker has a real origin. */
function serve(workerJs: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/worker.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(fs.readFileSync(workerJs)); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>sift web detect bench</title>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
  }));
}

async function inWebWorker(workerJs: string, job: DetectJob): Promise<{ result: DetectTimes; version: string }> {
  const { chromium } = load('playwright-core') as typeof Playwright;
  const site = await serve(workerJs);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: BROWSER_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(site.url);
    const result = await page.evaluate((j) => new Promise<DetectTimes>((resolve, reject) => {
      const W = (globalThis as unknown as { Worker: new (url: string) => { onmessage: (e: { data: DetectTimes | { error: string } }) => void; onerror: (e: { message: string }) => void; postMessage(m: unknown): void } }).Worker;
      const w = new W('/worker.js');
      w.onmessage = (e) => { if ('error' in e.data) reject(new Error(e.data.error)); else resolve(e.data); };
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage(j);
    }), job);
    return { result, version: browser.version() };
  } finally {
    await browser.close();
    site.close();
  }
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/** The size of dist/web.js as the package ships it (the production build), if this checkout has a web entry. */
function webBundleLine(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { browser?: string };
  if (!pkg.browser) return 'Web bundle: package.json has no "browser" entry yet';
  const file = path.join(root, pkg.browser.endsWith('.js') ? pkg.browser : `${pkg.browser}.js`);
  if (!fs.existsSync(file)) return `Web bundle: ${pkg.browser} is not built (npm run build)`;
  const map = fs.existsSync(`${file}.map`) || /sourceMappingURL=data:/.test(fs.readFileSync(file, 'utf8').slice(-200_000));
  return `Web bundle ${pkg.browser}: ${(fs.statSync(file).size / 1024).toFixed(0)} KB as built now${map ? ' (a development build, with a source map: `npm run package` builds the minified one)' : ''} (target: under 1 MB minified)`;
}

/** Lines for the bench report. `pieces`: the articles, in the order the main bench times them. */
export async function webDetectBench(pieces: string[], rounds = 3, warmUp = 100): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-web-bench-'));
  try {
    const webJs = path.join(dir, 'web-worker.js');
    const nodeJs = path.join(dir, 'node-worker.js');
    await bundle('browser', webJs);
    await bundle('node', nodeJs);
    const job: DetectJob = { pieces, warmUp, rounds, ref: '2024-12-16' };
    const bytes = pieces.reduce((n, p) => n + Buffer.byteLength(p) + 1, 0);
    const node = await inNodeWorker(nodeJs, job);
    const web = await inWebWorker(webJs, job);
    if (node.mentions !== web.result.mentions) throw new Error(`the two bundles disagree: ${node.mentions} mentions in Node, ${web.result.mentions} in Chromium`);
    const n = median(node.times);
    const w = median(web.result.times);
    const rate = (ms: number) => (mb(bytes) / (ms / 1000)).toFixed(2);
    return [
      `Detection in a worker, the bundled detector, ${pieces.length} articles (${mb(bytes).toFixed(2)} MB), median of ${rounds} rounds after ${warmUp} articles to warm up, ${node.mentions} mentions on both:`,
      `  Node ${process.version} worker thread: ${rate(n)} MB/s (${(n / 1000).toFixed(2)} s; bundle ${(fs.statSync(nodeJs).size / 1024).toFixed(0)} KB)`,
      `  Chromium ${web.version} Web Worker: ${rate(w)} MB/s (${(w / 1000).toFixed(2)} s; bundle ${(fs.statSync(webJs).size / 1024).toFixed(0)} KB)`,
      `  web / Node time: ${(w / n).toFixed(2)}x (target: within 2x)`,
      webBundleLine(),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
