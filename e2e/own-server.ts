import type { TestProject } from 'vitest/node';
import startServer from './global-setup.js';

/**
 * A server of its own for one e2e file (same build, its own database), for a file whose data would
 * change what the other files' flows expect (a second garage makes every admin pick one, say).
 * The project's global setup has built the app already; this server serves that build.
 */
export async function startOwnServer(): Promise<{ baseUrl: string; adminPassword: string; stop: () => Promise<void> }> {
  const provided: Record<string, string> = {};
  const skipBuild = process.env.E2E_SKIP_BUILD;
  process.env.E2E_SKIP_BUILD = '1';
  try {
    // Only `provide` of the project is used by the setup.
    const stop = await startServer({ provide: (key: string, value: string) => (provided[key] = value) } as unknown as TestProject);
    return { baseUrl: provided.baseUrl!, adminPassword: provided.adminPassword!, stop };
  } finally {
    if (skipBuild === undefined) delete process.env.E2E_SKIP_BUILD;
    else process.env.E2E_SKIP_BUILD = skipBuild;
  }
}
