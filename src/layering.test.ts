/**
 * The house's floors, checked on every source file's imports (read with the TypeScript parser): each file stands
 * on the floor of its top folder under src/, and imports only from its own floor or the floors below. Type-only
 * imports count too: they tie the code together as much as values do. The import graph has no circle. On top of
 * that, the bundles stay light where they must: the page, the method catalogue and the words load no tfjs (the
 * engine runs in the training worker), and nothing below the page loads React or the DOM's libraries.
 * docs/architecture.md says what each floor holds and how to choose the floor of a new file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The floors, lowest first; two folders on one floor are rooms that do not import each other. */
const floors: readonly (readonly string[])[] = [
  ['core'], // the settings (one property table), links, notices as codes, seeded randomness
  ['i18n'], // the languages: the locale, the message catalogues, core's notices as sentences
  ['ssl'], // networks, fused blocks, optimisers, the losses methods share (tfjs)
  ['methods'], // each method: its words, trivial bound and PyTorch part (info.ts), its loss (engine.ts)
  ['metrics'], // pure functions over a snapshot's arrays; the collapse verdict
  ['data'], // the dataset format, batches and augmentations, the user's own images
  ['pytorch'], // "Open in PyTorch": the script's template, filled
  ['train'], // the Trainer, backends, start-up phases, run reports: the engine
  ['worker', 'cli'], // the engine's hosts: the training worker, the command line
  ['ui'], // the page (React, zustand, three.js)
  ['main.tsx'], // the page's entry
];
/** Helpers for tests: only tests (and other helpers) import them; they may read any floor. */
const TESTING = 'testing';
/** Packages only the page may load: React and the DOM's drawing libraries. */
const PAGE_PACKAGES = /^(react|react-dom|zustand|three|uplot)(\/|$)/;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Import {
  /** A project file relative to the root, or a package's specifier. */
  target: string;
  local: boolean;
  /** `import type`, or every name imported is a type: erased from the bundle. */
  typeOnly: boolean;
  /** `new URL('./x.worker.ts', import.meta.url)`: a worker's entry, loaded in another realm. */
  worker: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(root, dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return relative(root, candidate);
    } catch {
      // not this candidate
    }
  }
  return null;
}

const importCache = new Map<string, Import[]>();

function importsOf(file: string): Import[] {
  const cached = importCache.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, worker = false) => {
    if (!specifier.startsWith('.')) {
      found.push({ target: specifier, local: false, typeOnly, worker });
      return;
    }
    // Style sheets and other assets are not modules of the graph.
    if (/\.(?!tsx?$)\w+$/.test(specifier.replace(/\?.*$/, ''))) return;
    const target = resolveLocal(file, specifier);
    if (target === null) throw new Error(`${file}: cannot resolve ${specifier}`);
    found.push({ target, local: true, typeOnly, worker });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const allTypes = clause !== undefined && !clause.name && named !== null && named.length > 0 && named.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier.text, clause?.isTypeOnly === true || allTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) add(argument.text, false);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [argument, base] = node.arguments ?? [];
      if (argument && ts.isStringLiteral(argument) && base?.getText(source) === 'import.meta.url' && /\.tsx?$/.test(argument.text)) add(argument.text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  importCache.set(file, found);
  return found;
}

/** src/core/config.ts → 'core'; src/main.tsx → 'main.tsx'. */
const folderOf = (file: string): string => file.split('/')[1]!;
const isTest = (file: string): boolean => /\.test\.tsx?$/.test(file);
function floorOf(file: string): number {
  return floors.findIndex((floor) => floor.includes(folderOf(file)));
}

const files = sourceFiles(join(root, 'src'));
const placed = files.filter((file) => folderOf(file) !== TESTING && file !== 'src/layering.test.ts');

/** Every module reached from `entry` by imports that load code in the same realm (not type-only, not a worker). */
function loaded(entry: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { target, local, typeOnly, worker } of importsOf(file)) {
      if (typeOnly || worker) continue;
      if (local) visit(target);
      else packages.add(target);
    }
  };
  visit(entry);
  return { files: seen, packages };
}
const tfjs = (packages: Set<string>) => [...packages].filter((name) => name.startsWith('@tensorflow/'));

/** The strongly connected components of more than one file (Tarjan): each is a circle of imports. */
function circles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const connect = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const { target, local } of importsOf(file)) {
      if (!local) continue;
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) found.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) connect(file);
  return found;
}

describe('layering', () => {
  it('reads the whole tree', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(importsOf('src/ui/trainingClient.ts').some((entry) => entry.worker && entry.target === 'src/worker/training.worker.ts')).toBe(true);
  });

  it('puts every source file on a floor (a new top folder under src/ needs its place here and in docs/architecture.md)', () => {
    expect(placed.filter((file) => floorOf(file) < 0)).toEqual([]);
  });

  it('has no import from a floor to a higher one, nor between the rooms of one floor', () => {
    const climbing: string[] = [];
    for (const file of placed) {
      for (const { target, local } of importsOf(file)) {
        if (!local || folderOf(target) === TESTING || folderOf(target) === folderOf(file)) continue;
        if (floorOf(target) >= floorOf(file)) climbing.push(`${file} → ${target}`);
      }
    }
    expect(climbing).toEqual([]);
  });

  it('has no circle of imports', () => {
    expect(circles()).toEqual([]);
  });

  it('lets only tests import the test helpers', () => {
    const users = files.filter((file) => !isTest(file) && folderOf(file) !== TESTING);
    expect(users.flatMap((file) => importsOf(file).filter(({ target }) => folderOf(target) === TESTING).map(({ target }) => `${file} → ${target}`))).toEqual([]);
  });

  it('keeps React and the DOM’s libraries on the page’s floors', () => {
    const below = placed.filter((file) => floorOf(file) < floorOf('src/ui/App.tsx'));
    expect(below.flatMap((file) => importsOf(file).filter(({ target, local }) => !local && PAGE_PACKAGES.test(target)).map(({ target }) => `${file} → ${target}`))).toEqual([]);
  });

  it('the page loads no tfjs: the engine runs in the training worker', () => {
    const page = loaded('src/main.tsx');
    expect(page.files.size).toBeGreaterThan(50);
    expect(tfjs(page.packages)).toEqual([]);
  });

  it('sees tfjs where it is (the engine)', () => {
    expect(tfjs(loaded('src/methods/engines.ts').packages)).toContain('@tensorflow/tfjs');
  });

  it('the method catalogue, the message catalogues and the tables’ words load no tfjs', () => {
    for (const entry of ['src/methods/catalog.ts', 'src/i18n/messages.ts', 'src/i18n/notices.ts', 'src/ui/language/tables.ts']) {
      expect(tfjs(loaded(entry).packages), entry).toEqual([]);
    }
  });
});
