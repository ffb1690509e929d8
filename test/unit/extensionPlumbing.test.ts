// The extension's plumbing, checked without VS Code: command ids and settings equal package.json's contributions,
// each kind of VS Code object is made in one factory, and no function or file in src/extension grows too long.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { Commands, INTERNAL_COMMANDS } from '../../src/extension/platform/commandIds';
import { SETTING_DEFAULTS, SETTING_KEYS, normalizeSetting } from '../../src/extension/platform/settings';

const repo = path.resolve(__dirname, '..', '..', '..');
const extensionDir = path.join(repo, 'src', 'extension');

interface Contributes {
  commands: { command: string }[];
  menus: Record<string, { command: string }[]>;
  keybindings: { command: string }[];
  configuration: { properties: Record<string, { default: unknown }> };
}

const contributes = (JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { contributes: Contributes }).contributes;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = tsFiles(extensionDir).map((file) => ({ file, rel: path.relative(extensionDir, file), text: fs.readFileSync(file, 'utf8') }));

/** Ids in one list and not in the other, both ways. */
function difference(a: Iterable<string>, b: Iterable<string>): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const A = new Set(a);
  const B = new Set(b);
  return { onlyInFirst: [...A].filter((x) => !B.has(x)).sort(), onlyInSecond: [...B].filter((x) => !A.has(x)).sort() };
}

describe('command ids', () => {
  const ids: string[] = Object.values(Commands);

  it('the map and package.json contributes.commands hold the same ids, apart from explicitly internal ones', () => {
    const contributed = contributes.commands.map((c) => c.command);
    const { onlyInFirst, onlyInSecond } = difference(ids.filter((id) => !INTERNAL_COMMANDS.has(id as never)), contributed);
    assert.deepStrictEqual(onlyInFirst, [], 'in Commands but not contributed (contribute them or list them in INTERNAL_COMMANDS)');
    assert.deepStrictEqual(onlyInSecond, [], 'contributed but missing from Commands');
    for (const id of INTERNAL_COMMANDS) assert.ok(!contributed.includes(id), `${id} is internal but also contributed`);
  });

  it('ids are unique and all use the sift. prefix', () => {
    assert.strictEqual(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^sift\.[a-z][A-Za-z]+$/);
  });

  it('menus and keybindings name only commands in the map', () => {
    const used = [...Object.values(contributes.menus).flat(), ...contributes.keybindings].map((c) => c.command);
    assert.deepStrictEqual(used.filter((c) => !ids.includes(c)), []);
  });

  it('src/extension spells no command id by hand outside commandIds.ts', () => {
    const found = sources.filter((s) => s.rel !== path.join('platform', 'commandIds.ts')).flatMap((s) =>
      ids.filter((id) => new RegExp(`['"\`]${id.replace('.', '\\.')}['"\`]|command:${id.replace('.', '\\.')}\\b`).test(s.text)).map((id) => `${s.rel}: ${id}`));
    assert.deepStrictEqual(found, []);
  });
});

describe('settings', () => {
  it('the typed settings are exactly package.json contributes.configuration, with the same defaults', () => {
    const props = contributes.configuration.properties;
    const { onlyInFirst, onlyInSecond } = difference(SETTING_KEYS.map((k) => `sift.${k}`), Object.keys(props));
    assert.deepStrictEqual(onlyInFirst, [], 'typed but not contributed');
    assert.deepStrictEqual(onlyInSecond, [], 'contributed but not typed in platform/settings.ts');
    for (const k of SETTING_KEYS) assert.deepStrictEqual(SETTING_DEFAULTS[k], props[`sift.${k}`].default, `default of sift.${k}`);
  });

  it('checks what a user can type: wrong types fall back to the default, numbers are clamped', () => {
    assert.strictEqual(normalizeSetting('annotator', '  ana '), 'ana');
    assert.strictEqual(normalizeSetting('annotator', 7), '');
    assert.strictEqual(normalizeSetting('maxArticleSizeMB', 0), 0.001);
    assert.strictEqual(normalizeSetting('saveDelayMs', -5), 0);
    assert.strictEqual(normalizeSetting('saveDelayMs', 'soon'), 300);
    assert.deepStrictEqual(normalizeSetting('labels', ['WEAPON', 'weapon', 'WEAPON', 3, 'EVENT']), ['WEAPON', 'EVENT']);
    assert.deepStrictEqual(normalizeSetting('confidenceLevels', { sure: 2 }), SETTING_DEFAULTS.confidenceLevels);
    assert.deepStrictEqual(normalizeSetting('confidenceLevels', {}), SETTING_DEFAULTS.confidenceLevels);
    assert.deepStrictEqual(normalizeSetting('confidenceLevels', { maybe: 0.4 }), { maybe: 0.4 });
    assert.strictEqual(normalizeSetting('claims.askForNote', 'yes'), false);
    assert.strictEqual(normalizeSetting('claims.askForNote', true), true);
  });
});

describe('one place per kind of VS Code object', () => {
  const only: [RegExp, string][] = [
    [/getConfiguration\(/, path.join('platform', 'config.ts')],
    [/createTextEditorDecorationType\(/, path.join('platform', 'decorationTypes.ts')],
    [/createDiagnosticCollection\(|new vscode\.Diagnostic\(/, path.join('platform', 'diagnostics.ts')],
    [/createCommentThread\(/, path.join('platform', 'commentThreads.ts')],
    [/vscode\.commands\.(registerCommand|executeCommand)\(/, path.join('platform', 'commands.ts')],
  ];
  for (const [re, home] of only) {
    it(`${re.source} appears only in ${home}`, () => {
      assert.deepStrictEqual(sources.filter((s) => re.test(s.text)).map((s) => s.rel), [home]);
    });
  }

  it('classes own their disposables through the Disposable base, with no dispose loops of their own', () => {
    const loops = sources.filter((s) => s.rel !== path.join('platform', 'lifecycle.ts') && /for \(const \w+ of this\.\w+\) \w+\.dispose\(\)/.test(s.text));
    assert.deepStrictEqual(loops.map((s) => s.rel), []);
  });
});

describe('size of src/extension', () => {
  it('no file is over 400 lines', () => {
    const long = sources.map((s) => ({ rel: s.rel, lines: s.text.split('\n').length })).filter((s) => s.lines > 400);
    assert.deepStrictEqual(long, []);
  });

  it('no function is over 60 lines', () => {
    const long: string[] = [];
    for (const s of sources) {
      const sf = ts.createSourceFile(s.file, s.text, ts.ScriptTarget.ES2022, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const from = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
          const to = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (to - from + 1 > 60) long.push(`${s.rel}:${from + 1} (${to - from + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.deepStrictEqual(long, []);
  });
});
