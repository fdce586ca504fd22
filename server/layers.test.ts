import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const parts = ['shared', 'api', 'bot', 'pwa', 'server', 'scripts', 'bench', 'e2e'] as const;
type Part = (typeof parts)[number];

/** The parts each part may import from (besides itself): the dependency direction of STYLE.md. */
const allowed: Record<Part, Part[]> = {
  shared: [],
  api: ['shared'],
  bot: ['shared', 'api'],
  pwa: ['shared'],
  server: ['shared', 'api', 'bot'],
  scripts: ['shared', 'api'],
  bench: ['shared', 'api', 'bot'],
  e2e: ['shared', 'api', 'bot'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of the project's own code: file -> imported file (both relative to the root). */
const edges = parts.flatMap((part) =>
  sourceFiles(part).flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g), ...text.matchAll(/import\('(\.[^']+)'\)/g)].map((m) => m[1]!);
    return specifiers.map((s) => ({ from: file, to: relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '') }));
  }),
);
const partOf = (path: string) => path.split('/')[0] as Part;

/**
 * Files that reach across the layers on purpose, each with the edge it may take: the phone's quote
 * priced through the PWA's own code against the server's charge (the same-answer promise of offline);
 * the plate bench picking the plate among the lines read with the PWA's own rule (it measures the app's reader).
 */
const crossLayerTests: ReadonlyArray<{ from: string; to: string }> = [
  { from: 'api/rates/phone-quote.test.ts', to: 'pwa/src/lib/quote' },
  { from: 'bench/plates/run.ts', to: 'pwa/src/lib/plate-read' },
];
const crossesOnPurpose = (e: { from: string; to: string }) => crossLayerTests.some((x) => x.from === e.from && x.to === e.to);

describe('the import graph', () => {
  it('reads the imports (a check of the check)', () => {
    expect(edges.some((e) => e.from === 'server/main.ts' && e.to === 'bot/create-slack')).toBe(true);
    expect(edges.length).toBeGreaterThan(300);
  });

  it.each(parts)('%s imports only from the parts below it', (part) => {
    const upward = edges.filter((e) => partOf(e.from) === part && partOf(e.to) !== part && !allowed[part].includes(partOf(e.to)) && !crossesOnPurpose(e));
    expect(upward.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no import cycles between files', () => {
    const next = new Map<string, string[]>();
    for (const e of edges) next.set(e.from.replace(/\.tsx?$/, ''), [...(next.get(e.from.replace(/\.tsx?$/, '')) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of next.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
