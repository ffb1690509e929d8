// The set-up scripts (scripts/host/*.mjs) are plain ESM that runs before anything is built: load them as such.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

interface Need {
  build: boolean;
  browser: boolean;
  chromium?: string;
  has?: (cmd: string) => boolean;
  env?: Record<string, string | undefined>;
}
type Plan = { action: 'none' } | { action: 'install'; steps: string[][] } | { action: 'tell'; command: string };
interface SystemModule {
  missingPackages(need: Need): string[];
  plan(missing: string[], how: { aptGet: string | null; root: boolean }): Plan;
  ensurePackages(need: Need, opts: { install?: boolean; root?: boolean; aptGet?: string; log?: (s: string) => void }): void;
}
interface InstallModule {
  makeKerberosOptional: (vscodeDir: string) => void;
}

const hostScript = (name: string) => pathToFileURL(path.resolve(__dirname, '..', '..', '..', 'scripts', 'host', name)).href;
const knows = (...cmds: string[]) => (cmd: string) => cmds.includes(cmd);
const tools = ['make', 'g++', 'python3'];

describe('set-up: the Debian packages the host and the tests need', () => {
  let sys: SystemModule;
  let dir: string;
  before(async () => {
    sys = (await import(hostScript('system.mjs'))) as SystemModule;
  });
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-system-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('asks for Chromium only when a browser is needed (the tests), never for npm start', () => {
    const none = knows(...tools);
    assert.deepStrictEqual(sys.missingPackages({ build: true, browser: false, chromium: '/x/chromium', has: none, env: {} }), []);
    assert.deepStrictEqual(sys.missingPackages({ build: true, browser: true, chromium: '/x/chromium', has: none, env: {} }), ['chromium']);
    assert.deepStrictEqual(
      sys.missingPackages({ build: false, browser: true, chromium: '/x/chromium', has: knows('/x/chromium'), env: {} }), [],
    );
  });

  it('never asks for libkrb5-dev', () => {
    const missing = sys.missingPackages({ build: true, browser: true, chromium: '/x/chromium', has: () => false, env: {} });
    assert.deepStrictEqual(missing, ['make', 'g++', 'python3', 'chromium']);
  });

  it('asks for build tools only while code-server still has to be built, and accepts CXX and PYTHON instead', () => {
    const onlyMake = knows('make');
    assert.deepStrictEqual(sys.missingPackages({ build: true, browser: false, has: onlyMake, env: {} }), ['g++', 'python3']);
    assert.deepStrictEqual(sys.missingPackages({ build: false, browser: false, has: onlyMake, env: {} }), []);
    assert.deepStrictEqual(
      sys.missingPackages({ build: true, browser: false, has: onlyMake, env: { CXX: 'clang++', PYTHON: '/opt/py' } }), [],
    );
  });

  it('plans apt-get update then a non-interactive install as root, otherwise the one command to run', () => {
    assert.deepStrictEqual(sys.plan([], { aptGet: 'apt-get', root: true }), { action: 'none' });
    assert.deepStrictEqual(sys.plan(['chromium'], { aptGet: 'apt-get', root: true }), {
      action: 'install', steps: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium']],
    });
    assert.deepStrictEqual(sys.plan(['g++', 'chromium'], { aptGet: null, root: false }),
      { action: 'tell', command: 'sudo apt-get install -y g++ chromium' });
    assert.deepStrictEqual(sys.plan(['chromium'], { aptGet: null, root: true }),
      { action: 'tell', command: 'apt-get install -y chromium' });
  });

  /** A stand-in apt-get that records its calls and, on install, puts an executable at `chromium` when given. */
  function fakeAptGet(chromium?: string, status = 0): { bin: string; calls: () => string[] } {
    const log = path.join(dir, 'calls.log');
    const bin = path.join(dir, 'apt-get');
    fs.writeFileSync(bin, [
      '#!/bin/sh',
      `echo "$DEBIAN_FRONTEND $*" >> '${log}'`,
      chromium ? `[ "$1" = install ] && printf '#!/bin/sh\\n' > '${chromium}' && chmod +x '${chromium}'` : ':',
      `exit ${status}`,
    ].join('\n'), { mode: 0o755 });
    return { bin, calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) };
  }

  it('as root with apt-get, installs what is missing and says so', () => {
    const chromium = path.join(dir, 'chromium');
    const apt = fakeAptGet(chromium);
    const said: string[] = [];
    sys.ensurePackages({ build: false, browser: true, chromium },
      { install: true, root: true, aptGet: apt.bin, log: (s) => said.push(s) });
    assert.deepStrictEqual(apt.calls(), ['noninteractive update', 'noninteractive install -y chromium']);
    assert.match(said.join('\n'), /installing them now[\s\S]*installed chromium/);
  });

  it('fails when apt-get fails, or when the package is still missing afterwards', () => {
    const chromium = path.join(dir, 'chromium');
    const opts = { install: true, root: true, log: () => {} };
    assert.throws(() => sys.ensurePackages({ build: false, browser: true, chromium },
      { ...opts, aptGet: fakeAptGet(undefined, 100).bin }), /update failed/);
    assert.throws(() => sys.ensurePackages({ build: false, browser: true, chromium },
      { ...opts, aptGet: fakeAptGet().bin }), /still missing after apt-get install:\n {2}chromium/);
  });

  it('not as root, or without apt-get, runs nothing and gives the command instead', () => {
    const chromium = path.join(dir, 'chromium');
    const apt = fakeAptGet(chromium);
    assert.throws(() => sys.ensurePackages({ build: false, browser: true, chromium }, { install: true, root: false, aptGet: apt.bin }),
      /missing for Sift:\n {2}chromium: headless Chromium drives the workbench in the tests[\s\S]*sudo apt-get install -y chromium/);
    assert.throws(() => sys.ensurePackages({ build: false, browser: true, chromium },
      { install: true, root: true, aptGet: path.join(dir, 'no-apt-get') }), /\n {2}apt-get install -y chromium/);
    assert.throws(() => sys.ensurePackages({ build: false, browser: true, chromium }, { install: false, root: true, aptGet: apt.bin }),
      /apt-get install -y chromium/);
    assert.deepStrictEqual(apt.calls(), []);
  });
});

describe('set-up: code-server installs without the kerberos native module', () => {
  it('moves kerberos to optionalDependencies in VS Code\'s package.json and shrinkwrap, and nothing else', async () => {
    const { makeKerberosOptional } = (await import(hostScript('install.mjs'))) as InstallModule;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-vscode-'));
    try {
      const deps = { jschardet: '3.1.4', kerberos: '2.1.1', minimist: '^1.2.8' };
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'code-oss-dev', dependencies: deps }));
      fs.writeFileSync(path.join(dir, 'npm-shrinkwrap.json'), JSON.stringify({
        lockfileVersion: 3,
        packages: { '': { dependencies: deps }, 'node_modules/kerberos': { version: '2.1.1' }, 'node_modules/minimist': {} },
      }));
      makeKerberosOptional(dir);
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: object; optionalDependencies: object };
      assert.deepStrictEqual(pkg.dependencies, { jschardet: '3.1.4', minimist: '^1.2.8' });
      assert.deepStrictEqual(pkg.optionalDependencies, { kerberos: '2.1.1' });
      const lock = JSON.parse(fs.readFileSync(path.join(dir, 'npm-shrinkwrap.json'), 'utf8')) as { packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: object }> };
      assert.deepStrictEqual(lock.packages[''].optionalDependencies, { kerberos: '2.1.1' });
      assert.strictEqual(lock.packages[''].dependencies?.kerberos, undefined);
      assert.deepStrictEqual(lock.packages['node_modules/kerberos'], { version: '2.1.1', optional: true });
      assert.deepStrictEqual(lock.packages['node_modules/minimist'], {});
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
