/**
 * A refused cash exit of a car that came in offline, as the phone reports it to POST /api/discards
 * (see shared/discards.ts DiscardBody); `over` changes any field, bad ones included.
 */
export function refusedCashExit(key: string, over: Record<string, unknown> = {}) {
  return {
    key,
    kind: 'exit' as const,
    ticketNumber: 'OFF-3F9A1C',
    licensePlate: 'ABC 123',
    vehicleType: 'Car' as const,
    paymentMethod: 'Cash' as const,
    amountCents: 6000,
    happenedAt: '2026-11-23T11:40:00.000Z',
    refusal: { code: 'garage_full', message: 'Garage is full — 140/140' },
    reason: 'The entry was refused; the driver paid cash and left',
    ...over,
  };
}
