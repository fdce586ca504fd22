import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

type Chunk = { type: 'chunk'; isEntry: boolean; fileName: string; code: string; imports: string[]; viteMetadata?: { importedCss: Set<string> } };
type Asset = { type: 'asset'; fileName: string; source: string | Uint8Array };

/**
 * Prints one line with the gzipped size of the app shell: the entry chunk, the chunks it imports
 * statically, and their CSS. Lazy chunks (the QR scanner, the managers' screens) and the CSS only
 * they import (Reports' charts) are left out, as they load on demand.
 */
export function shellSize(): Plugin {
  return {
    name: 'parkops-shell-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, Chunk | Asset>;
      const entry = Object.values(files).find((f): f is Chunk => f.type === 'chunk' && f.isEntry);
      if (!entry) return;
      const shell = new Set<string>();
      const visit = (name: string) => {
        const file = files[name];
        if (shell.has(name) || !file || file.type !== 'chunk') return;
        shell.add(name);
        file.imports.forEach(visit);
      };
      visit(entry.fileName);
      const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;
      let js = 0;
      for (const name of shell) js += gz((files[name] as Chunk).code);
      const shellCss = new Set([...shell].flatMap((name) => [...((files[name] as Chunk).viteMetadata?.importedCss ?? [])]));
      let css = 0;
      for (const f of Object.values(files)) if (f.type === 'asset' && f.fileName.endsWith('.css') && shellCss.has(f.fileName)) css += gz(f.source);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      this.info(`app shell (gzip): JS ${kb(js)} in ${shell.size} file(s), CSS ${kb(css)}, total ${kb(js + css)}`);
      console.log(`\nApp shell size (gzip): JS ${kb(js)} + CSS ${kb(css)} = ${kb(js + css)}\n`);
    },
  };
}
