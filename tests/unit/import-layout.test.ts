import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

/**
 * The layout's rules, read from the code's own imports (README, "代码布局"): src/core is pure and
 * stands alone; the browser code in src/lib needs no Node and no build-time module; nothing in src/
 * reaches into scripts/; and no modules import each other in a circle.
 */
const SOURCE = /\.(ts|mts|mjs|astro)$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => SOURCE.test(f)).map((f) => path.join(dir, f).split(path.sep).join('/'));
}

/** A relative specifier as a project path ('src/core/anchors.ts'), trying the extensions an import may leave off. */
function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.join(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.astro`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate.split(path.sep).join('/');
  }
  return undefined;
}

interface Import {
  from: string;
  specifier: string;
  /** The project file it names, for a relative import. */
  local?: string;
}

const project = [...files('src'), ...files('scripts'), 'astro.config.mjs'];
const imports: Import[] = project.flatMap((from) =>
  [...fs.readFileSync(path.join(ROOT, from), 'utf8').matchAll(SPECIFIER)].map(([, , specifier]) => ({
    from,
    specifier,
    local: specifier.startsWith('.') ? resolveLocal(from, specifier) : undefined,
  })),
);
const under = (dir: string) => (i: Import) => i.from.startsWith(dir);
const show = (list: Import[]) => list.map((i) => `${i.from} → ${i.specifier}`);

describe('the import layout', () => {
  it('reads the imports it checks (every relative import resolves to a project file)', () => {
    expect(imports.filter(under('src/core/')).length).toBeGreaterThan(0);
    expect(show(imports.filter((i) => i.specifier.startsWith('.') && !i.local && !i.specifier.endsWith('.json')))).toEqual([]);
  });

  it('nothing in src/ imports from scripts/', () => {
    expect(show(imports.filter((i) => i.from.startsWith('src/') && i.local?.startsWith('scripts/')))).toEqual([]);
  });

  it('src/core imports only src/core and pure packages: no Node, no Astro, no other part of the project', () => {
    const core = imports.filter(under('src/core/'));
    expect(show(core.filter((i) => (i.specifier.startsWith('.') ? !i.local?.startsWith('src/core/') : /^(node:|astro)/.test(i.specifier))))).toEqual([]);
  });

  it('the browser code in src/lib uses no Node module and no build-time module (src/site, src/markdown)', () => {
    const browser = imports.filter(under('src/lib/'));
    expect(show(browser.filter((i) => i.specifier.startsWith('node:') || /^src\/(site|markdown)\//.test(i.local ?? '')))).toEqual([]);
  });

  it('no modules import each other in a circle', () => {
    const edges = new Map<string, string[]>();
    for (const i of imports) if (i.local) edges.set(i.from, [...(edges.get(i.from) ?? []), i.local]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of edges.get(file) ?? []) {
        if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of project) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
