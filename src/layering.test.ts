/**
 * The layering the code relies on, checked on the sources' static imports (type-only imports are erased and
 * do not count): the page's own bundle and the method catalog load no tfjs (the engine runs in the training
 * worker), the message catalogues are tfjs-free, and the core schema reads only itself, the methods' data and the
 * message catalogue.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveSource(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every module reached from `entry` by value imports: project files (relative to the root) and packages. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    const name = relative(root, file);
    if (files.has(name)) return;
    files.add(name);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      if (!specifier!.startsWith('.')) {
        packages.add(specifier!);
        continue;
      }
      const target = resolveSource(file, specifier!);
      if (target) visit(target);
    }
  };
  visit(join(root, entry));
  return { files, packages };
}

const tfjs = (packages: Set<string>) => [...packages].filter((name) => name.startsWith('@tensorflow/'));

describe('layering', () => {
  it('the page loads no tfjs: the engine runs in the training worker', () => {
    const page = reachable('src/main.tsx');
    expect(page.files.size).toBeGreaterThan(50);
    expect(tfjs(page.packages)).toEqual([]);
  });

  it('sees tfjs where it is (the engine)', () => {
    expect(tfjs(reachable('src/methods/engines.ts').packages)).toContain('@tensorflow/tfjs');
  });

  it('the method catalog is data: no tfjs', () => {
    expect(tfjs(reachable('src/methods/catalog.ts').packages)).toEqual([]);
  });

  it('the message catalogues and the tables’ words load no tfjs', () => {
    for (const entry of ['src/i18n/messages.ts', 'src/ui/language/tables.ts']) expect(tfjs(reachable(entry).packages), entry).toEqual([]);
  });

  it('the core schema reads only itself, the methods’ data and the message catalogue', () => {
    const { files } = reachable('src/core/config.ts');
    const catalogue = /^src\/i18n\/(locale|messages(\.[\w-]+)?)\.ts$/;
    const outside = [...files].filter(
      (file) => !file.startsWith('src/core/') && !catalogue.test(file) && !/^src\/methods\/([^/]+\/)?(catalog|info|pytorch|methodInfo)\.ts$/.test(file),
    );
    expect(outside).toEqual([]);
  });
});
