// Locale completeness and "no user-visible string outside the locale files".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { zh } from './locales/zh.js';
import { en } from './locales/en.js';

const SRC = fileURLToPath(new URL('../../../../renderer/src', import.meta.url));

test('every key exists in both languages, and no translation is empty', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) assert.ok(value.trim().length > 0, key);
  // Interpolations must match, or a value silently disappears in one language.
  for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(vars(en[key]), vars(zh[key]), key);
  }
});

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : path.endsWith('.tsx') && !path.endsWith('.test.tsx') ? [path] : [];
  });
}

test('components contain no hard-coded user-visible text (JSX text and title/label attributes)', () => {
  // Language names in the language picker are shown in their own language on purpose.
  const allowed = new Set(['中文', 'English', 'ppm', 'sha256', '—', '#', 'T+', '′', '·', 'ms']);
  const offenders: string[] = [];
  for (const file of tsxFiles(SRC)) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node)) {
        const text = node.getText().trim();
        if (/[A-Za-z\u4e00-\u9fff]/.test(text) && !allowed.has(text)) offenders.push(`${file}: "${text}"`);
      }
      if (ts.isJsxAttribute(node) && ['title', 'aria-label', 'placeholder', 'alt'].includes(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
        offenders.push(`${file}: ${node.name.getText()}="${node.initializer.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  assert.deepEqual(offenders, []);
});
