import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createDatabaseCircuit } from './circuit.js';

/** A circuit on a clock the test moves, over a probe the test answers. */
function setup() {
  let now = 0;
  const probes: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const circuit = createDatabaseCircuit({
    log: createLogger('silent'),
    openMs: 2000,
    clock: () => now,
    probe: () => new Promise<void>((resolve, reject) => probes.push({ resolve, reject })),
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { circuit, probes, settle, advance: (ms: number) => (now += ms) };
}
const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const closed = Object.assign(new Error('connection closed'), { code: 'CONNECTION_CLOSED' });

describe('the database circuit', () => {
  it('a failed connect opens it at once; it stays open until a probe gets through', async () => {
    const { circuit, probes, settle, advance } = setup();
    expect(circuit.isOpen()).toBe(false);
    circuit.failed(refused);
    expect(circuit.isOpen()).toBe(true);
    expect(probes).toHaveLength(0); // nobody knocks during the first 2 s
    advance(2000);
    expect(circuit.isOpen()).toBe(true); // answered at once while the probe runs
    expect(circuit.isOpen()).toBe(true);
    expect(probes).toHaveLength(1); // one probe, however many requests
    probes[0]!.reject(refused);
    await settle();
    advance(1999);
    expect(circuit.isOpen()).toBe(true);
    expect(probes).toHaveLength(1);
    advance(1);
    expect(circuit.isOpen()).toBe(true);
    expect(probes).toHaveLength(2);
    probes[1]!.resolve();
    await settle();
    expect(circuit.isOpen()).toBe(false);
  });

  it('a broken connection is probed first: the circuit opens only when the probe fails too', async () => {
    const { circuit, probes, settle } = setup();
    circuit.failed(closed);
    expect(circuit.isOpen()).toBe(false);
    expect(probes).toHaveLength(1);
    probes[0]!.resolve();
    await settle();
    expect(circuit.isOpen()).toBe(false);
    circuit.failed(closed);
    probes[1]!.reject(refused);
    await settle();
    expect(circuit.isOpen()).toBe(true);
  });
});
