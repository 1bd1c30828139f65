import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const catalogue = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(src, 'i18n', `${locale}.json`), 'utf8')) as Record<
    string,
    string
  >;
const en = catalogue('en');
const fr = catalogue('fr');

/** Every .ts/.tsx file under the web app's src. */
function sources(dir = src): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The ICU arguments of a message: `{name}` and `{name, plural, ...}`. */
function argumentsOf(message: string): string[] {
  return [...message.matchAll(/\{\s*([a-zA-Z0-9_]+)\s*[,}]/g)].map((m) => m[1] ?? '').sort();
}

describe('the message catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const [locale, messages] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const empty = Object.entries(messages).filter(([, v]) => v.trim() === '');
      expect(empty, locale).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differ = Object.keys(en).filter(
      (key) => argumentsOf(en[key] ?? '').join() !== argumentsOf(fr[key] ?? '').join(),
    );
    expect(differ).toEqual([]);
  });

  it('are translated: French differs from English except for names and symbols', () => {
    const same = Object.keys(en).filter(
      (key) => en[key] === fr[key] && /[a-z]{4,}/i.test((en[key] ?? '').replace(/\{[^}]*\}/g, '')),
    );
    // Words that are the same in both languages.
    const allowed = new Set([
      'shell.appName',
      'common.actions',
      'data.table',
      'releaseTimes.segment',
      'mirror.partner',
      'audit.action',
      'pagination.label',
      'data.dataset',
      'case.notes',
      'login.code',
      'settings.role',
      'releaseTimes.group',
      'settings.status',
      'integrity.score',
      'reveal.justification',
    ]);
    expect(same.filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('hold every message id the sources ask for with t(…)', () => {
    const missing: string[] = [];
    // Files that translate through the app's catalogues (LocaleProvider's t).
    for (const file of sources()) {
      const text = readFileSync(file, 'utf8');
      if (!/i18n\/LocaleProvider['"]/.test(text) && !file.includes(`${path.sep}i18n${path.sep}`)) {
        continue;
      }
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const id = m[1] ?? '';
        if (!(id in en)) missing.push(`${path.relative(src, file)}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('use the Customs vocabulary in French', () => {
    expect(fr['nav.releaseTimes']).toBe('Délais de mainlevée');
    expect(fr['channel.green']).toBe('Circuit vert');
    expect(fr['channel.red']).toBe('Circuit rouge');
    expect(fr['kind.officer.plural']).toMatch(/Agents des douanes/);
    expect(fr['kind.declarant.one']).toBe('Déclarant');
    expect(fr['kind.office.one']).toBe('Bureau');
  });
});

/** User-facing attributes whose string literals would be untranslated text. */
const textAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'caption']);

/**
 * Untranslated text in a .tsx source: JSX text (`<p>Words</p>`) and string
 * literals in user-facing attributes that hold a word of two or more letters.
 * Symbols, single letters (q, z) and `{expressions}` pass.
 */
function literalTexts(fileName: string, text: string): string[] {
  const sourceFile = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const chunk = node.text.trim();
      if (/\p{L}{2,}/u.test(chunk)) found.push(chunk);
    } else if (
      ts.isJsxAttribute(node) &&
      textAttributes.has(node.name.getText(sourceFile)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}{2,}/u.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText(sourceFile)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('the JSX sources', () => {
  it('render no literal words: every visible string comes from the catalogues', () => {
    const found = sources()
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((file) =>
        literalTexts(file, readFileSync(file, 'utf8')).map(
          (t) => `${path.relative(src, file)}: ${t}`,
        ),
      );
    expect(found).toEqual([]);
  });

  it('catches an untranslated string (the heuristic itself works)', () => {
    const sample =
      'const a = <div title="Open"><p>Hello world</p><span>{t("x")}</span><dt>q</dt>▲ {y}</div>;';
    expect(literalTexts('sample.tsx', sample)).toEqual(['title="Open"', 'Hello world']);
  });
});
