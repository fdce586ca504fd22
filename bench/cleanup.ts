/**
 * What the bench has started, stopped in reverse order exactly once: at the end of the run, on an
 * error, and on Ctrl-C or SIGTERM. A failed step is reported and the rest still run.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private readonly lastResorts: (() => void)[] = [];
  private running: Promise<void> | null = null;
  private done = false;

  constructor() {
    // if the process ends before runAll finished (an uncaught error, process.exit), kill what is left
    process.on('exit', () => {
      if (!this.done) for (const kill of this.lastResorts) kill();
    });
  }

  /** A synchronous kill for the `exit` event, when there is no time left for an orderly stop. */
  addLastResort(kill: () => void): void {
    this.lastResorts.push(kill);
  }

  /** Adds a step, run before the ones added earlier. */
  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step once; later calls wait for the first. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step.run().catch((error: unknown) => console.error(`cleanup: ${step.name} failed:`, error));
      }
      this.done = true;
    })();
    return this.running;
  }
}
